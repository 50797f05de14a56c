package io.clockhealth.exporter.collect.ntpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.ParseException.Kind;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NtpqSysVarsParserTest {

  private static final List<String> FIELDS =
      List.of(
          "associd",
          "status",
          "leap",
          "stratum",
          "refid",
          "offsetMs",
          "sysJitterMs",
          "clkJitterMs",
          "rootDelayMs",
          "rootDispersionMs",
          "frequencyPpm",
          "tc",
          "reftime",
          "peer");

  private final NtpqSysVarsParser parser = new NtpqSysVarsParser();

  /**
   * file, expected record fields ("-" = not printed; status in hex as printed; leap as a number;
   * reftime as the time ntpq printed next to the hex value, with the offset of the zone it printed
   * in), expected raw pairs.
   */
  static Stream<Arguments> corpusFiles() {
    return Stream.of(
        Arguments.of(
            "insights-rv0-leap-assid-status.txt",
            "associd=0 status=06f4 leap=0 stratum=- refid=- offsetMs=- sysJitterMs=- clkJitterMs=-"
                + " rootDelayMs=- rootDispersionMs=- frequencyPpm=- tc=- reftime=- peer=-",
            Map.of("leap", "00")),
        Arguments.of(
            "ntpd428p3-leapsmear-rv-leap-add-sec.txt",
            "associd=0 status=4419 leap=1 stratum=1 refid=MRS offsetMs=-0.097015"
                + " sysJitterMs=0.003815 clkJitterMs=0.451 rootDelayMs=0.000 rootDispersionMs=1.075"
                + " frequencyPpm=44.627 tc=3 reftime=2015-06-30T23:58:14.036Z peer=2335",
            Map.of(
                "clk_wander", "0.035",
                "tai", "35",
                "leapsec", "201507010000",
                "leapsmearinterval", "86400",
                "leapsmearoffset", "-932.087",
                "version", "ntpd 4.2.8p3-RC1@1.3349-o Mon Jun 22 14:24:09 UTC 2015 (26)",
                "reftime", "d93dab96.09666671 Tue, Jun 30 2015 23:58:14.036")),
        Arguments.of(
            "ntpdoc424-debug-rv-ntpd4099j4.txt",
            "associd=- status=0644 leap=0 stratum=2 refid=pogo.udel.edu offsetMs=0.179"
                + " sysJitterMs=0.022 clkJitterMs=- rootDelayMs=0.552 rootDispersionMs=12.532"
                + " frequencyPpm=44.298 tc=6 reftime=2000-07-08T13:58:56.673Z peer=50255",
            Map.of(
                "phase", "0.179",
                "rootdispersion", "12.532",
                "hostname", "barnstable.udel.edu",
                "refresh", "3172016539",
                "cert", "grundoon.udel.edu grundoon.udel.edu 0x3 3233600829")),
        Arguments.of(
            "ntpfaq-ntpd4099k-rv-sync-atomic-pps.txt",
            "associd=- status=2194 leap=0 stratum=1 refid=PPS offsetMs=0.005 sysJitterMs=0.000"
                + " clkJitterMs=- rootDelayMs=0.000 rootDispersionMs=1.831 frequencyPpm=16.984 tc=6"
                + " reftime=2000-09-14T20:18:26.153+02:00 peer=57301",
            Map.of("stability", "0.043", "state", "4")),
        Arguments.of(
            "ntpfaq-ntpd420a-rl-sync-uhf-clock.txt",
            "associd=0 status=04b7 leap=0 stratum=1 refid=GPS offsetMs=-0.437 sysJitterMs=0.203"
                + " clkJitterMs=- rootDelayMs=0.000 rootDispersionMs=3.051 frequencyPpm=99.839"
                + " tc=10 reftime=2005-08-15T19:57:36.037+02:00 peer=41908",
            Map.of(
                "version", "ntpd 4.2.0a@1.1190-r Fri Apr 29 11:06:00 UTC 2005 (1)",
                "noise", "0.147",
                "clock", "0xc6ab562d.bc703298",
                "cert", "elf ltgpsdemo 0x3 3333113513")),
        Arguments.of(
            "ntpfaq-ntpd420a-rl-unsync-leap11.txt",
            "associd=0 status=c027 leap=3 stratum=16 refid=INIT offsetMs=0.000 sysJitterMs=0.001"
                + " clkJitterMs=- rootDelayMs=0.000 rootDispersionMs=0.210 frequencyPpm=100.730"
                + " tc=6 reftime=- peer=0",
            Map.of(
                "reftime",
                "00000000.00000000  Thu, Feb  7 2036  7:28:16.000",
                "version",
                "ntpd 4.2.0a@1.1190-r Fri Apr 29 11:06:00 UTC 2005 (1)")));
  }

  static Stream<Arguments> captureFiles() {
    return Stream.of(
        Arguments.of(
            "3src-rv.txt",
            "associd=0 status=0014 leap=0 stratum=11 refid=10.232.0.3 offsetMs=-0.006503"
                + " sysJitterMs=0.025408 clkJitterMs=0.0095 rootDelayMs=0.05 rootDispersionMs=1.015"
                + " frequencyPpm=0.0 tc=0 reftime=2026-11-21T12:26:06.926Z peer=17768"),
        Arguments.of(
            "3src-rv-at-start.txt",
            "associd=0 status=c016 leap=3 stratum=16 refid=INIT offsetMs=0.0 sysJitterMs=0.0"
                + " clkJitterMs=6e-05 rootDelayMs=0.0 rootDispersionMs=0.0 frequencyPpm=0.0 tc=0"
                + " reftime=- peer=0"),
        Arguments.of(
            "after-kill-rv.txt",
            "associd=0 status=0018 leap=0 stratum=11 refid=10.232.0.3 offsetMs=-0.006503"
                + " sysJitterMs=0.019846 clkJitterMs=0.009439 rootDelayMs=0.05"
                + " rootDispersionMs=1.615 frequencyPpm=0.0 tc=0"
                + " reftime=2026-11-21T12:26:08.930Z peer=0"),
        Arguments.of(
            "1src73-rv.txt",
            "associd=0 status=c018 leap=3 stratum=11 refid=10.235.0.2 offsetMs=0.0 sysJitterMs=0.0"
                + " clkJitterMs=6e-05 rootDelayMs=0.107 rootDispersionMs=73437.58 frequencyPpm=0.0"
                + " tc=0 reftime=2026-11-21T12:27:19.132Z peer=17767"),
        Arguments.of(
            "2src-rv.txt",
            "associd=0 status=0018 leap=0 stratum=11 refid=10.232.0.2 offsetMs=0.004756"
                + " sysJitterMs=0.0 clkJitterMs=0.001682 rootDelayMs=0.024 rootDispersionMs=937.6"
                + " frequencyPpm=0.0 tc=0 reftime=2026-11-21T12:26:57.703Z peer=0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void parsesCorpusToManifestValues(String file, String fields, Map<String, String> pairs)
      throws Exception {
    NtpqSysVars vars = parser.parse(Fixtures.NTPQ.corpus(file));
    assertFields(vars, fields);
    assertThat(vars.all()).containsAllEntriesOf(pairs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captureFiles")
  void parsesNtpsecCaptures(String file, String fields) throws Exception {
    NtpqSysVars vars = parser.parse(Fixtures.NTPQ.capture(file));
    assertFields(vars, fields);
    assertThat(vars.all()).containsEntry("version", "ntpd ntpsec-1.2.2");
  }

  @Test
  void rawPairsKeepTheirOrder() throws Exception {
    NtpqSysVars vars = parser.parse(Fixtures.NTPQ.capture("3src-rv.txt"));
    assertThat(vars.all().keySet())
        .containsExactly(
            "leap",
            "stratum",
            "precision",
            "rootdelay",
            "rootdisp",
            "refid",
            "reftime",
            "tc",
            "peer",
            "offset",
            "frequency",
            "sys_jitter",
            "clk_jitter",
            "clock",
            "processor",
            "system",
            "version",
            "clk_wander",
            "mintc");
    assertThat(vars.all()).containsEntry("reftime", "eeac0c5e.ed30a38b 2026-11-21T12:26:06.926Z");
  }

  @Test
  void leapIndicatorFallsBackToTheStatusWord() throws Exception {
    NtpqSysVars onlyStratum =
        parser.parse(
            "associd=0 status=c016 leap_alarm, sync_unspec, 1 event, restart,\n" + "stratum=16\n");
    assertThat(onlyStratum.leap()).isNull();
    assertThat(onlyStratum.leapIndicator()).isEqualTo(3);
    NtpqSysVars leapPending =
        parser.parse("associd=0 status=4419 leap_add_sec, sync_uhf_radio, 1 event, leap_armed,\n");
    assertThat(leapPending.leapIndicator()).isEqualTo(1);
  }

  @Test
  void quotedValuesMayHoldCommasAndTheStrayQuestionMarkIsDropped() throws Exception {
    NtpqSysVars vars =
        parser.parse(
            "associd=0 status=0615 leap_none, sync_ntp, 1 event, clock_sync,\n"
                + "version=\"ntpd 4.2.8p15@1.3728-o Wed Sep 23 11:46:38 UTC 2020 (1)\"?,"
                + " system=\"Linux/5.4, x86\", leap=00,\n"
                + "offset=+0.125\n");
    assertThat(vars.all())
        .containsEntry("version", "ntpd 4.2.8p15@1.3728-o Wed Sep 23 11:46:38 UTC 2020 (1)")
        .containsEntry("system", "Linux/5.4, x86");
    assertThat(vars.offsetMs()).isEqualTo(0.125);
  }

  @Test
  void numericLeapFromRawModeIsAccepted() throws Exception {
    assertThat(parser.parse("associd=0 status=0615\nleap=2\n").leap()).isEqualTo(2);
  }

  @Test
  void reftimeAfterTheNtpEraRollsOverIntoEraOne() throws Exception {
    // 00000001.80000000 is one and a half seconds into NTP era 1 (2036-02-07T06:28:17.5Z).
    NtpqSysVars vars = parser.parse("associd=0 status=0615\nreftime=00000001.80000000\n");
    assertThat(vars.reftimeUnixSeconds())
        .isCloseTo(
            OffsetDateTime.parse("2036-02-07T06:28:17.500Z").toInstant().toEpochMilli() / 1000.0,
            within(1e-6));
  }

  static Stream<Arguments> malformedInputs() {
    String status = "associd=0 status=0615 leap_none, sync_ntp, 1 event, clock_sync,\n";
    return Stream.of(
        Arguments.of(status + "offset=fast\n", 2, "offset: not a number"),
        Arguments.of(status + "leap=12\n", 2, "not a leap indicator"),
        Arguments.of(status + "stratum=two\n", 2, "stratum: not an integer"),
        Arguments.of(status + "reftime=Tue, Jun 30 2015\n", 2, "not an NTP timestamp"),
        Arguments.of(status + "version=\"ntpd 4.2.8, stratum=1\n", 2, "unterminated quoted"),
        Arguments.of(status + "version=\"ntpd\" extra\n", 2, "text after a quoted value"),
        Arguments.of(status + "pll offset:   0\n", 2, "expected name=value"),
        Arguments.of("leap=00, stratum=2\n", 1, "expected the status line"),
        Arguments.of(
            "associd=17767 status=b41a conf, auth, reach, sel_candidate, 1 event, sys_peer,\n"
                + "srcadr=10.232.0.2, srcport=123\n",
            1,
            "variables of association 17767"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("malformedInputs")
  void malformedInputNamesItsLine(String text, int line, String why) {
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.lineNumber()).isEqualTo(line);
              assertThat(e.getMessage()).startsWith("ntpq-rv: line " + line + ": ").contains(why);
            });
  }

  @Test
  void recognisesSystemVariablesOnly() {
    assertThat(parser.recognises(Fixtures.NTPQ.capture("3src-rv.txt"))).isTrue();
    assertThat(parser.recognises("associd=0 status=0615 leap_none,\n")).isTrue();
    assertThat(parser.recognises(Fixtures.NTPQ.capture("3src-kerninfo.txt"))).isFalse();
    assertThat(parser.recognises(Fixtures.NTPQ.capture("3src-sysinfo.txt"))).isFalse();
    assertThat(parser.recognises(Fixtures.NTPQ.capture("3src-rv-assoc17768.txt"))).isFalse();
    assertThat(parser.recognises(null)).isFalse();
    assertThat(parser.recognises("")).isFalse();
  }

  /** Every record field against the spec "name=value ..." ("-" = null). */
  static void assertFields(NtpqSysVars v, String spec) {
    Map<String, String> e = new LinkedHashMap<>();
    Arrays.stream(spec.split(" ")).map(p -> p.split("=", 2)).forEach(p -> e.put(p[0], p[1]));
    assertThat(e.keySet()).as("spec lists every field").containsExactlyElementsOf(FIELDS);
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(v.associd()).as("associd").isEqualTo(integer(e.get("associd")));
    soft.assertThat(v.status())
        .as("status")
        .isEqualTo(e.get("status").equals("-") ? null : Integer.valueOf(e.get("status"), 16));
    soft.assertThat(v.leap()).as("leap").isEqualTo(integer(e.get("leap")));
    soft.assertThat(v.stratum()).as("stratum").isEqualTo(integer(e.get("stratum")));
    soft.assertThat(v.refid()).as("refid").isEqualTo(text(e.get("refid")));
    soft.assertThat(v.offsetMs()).as("offset").isEqualTo(decimal(e.get("offsetMs")));
    soft.assertThat(v.sysJitterMs()).as("sys_jitter").isEqualTo(decimal(e.get("sysJitterMs")));
    soft.assertThat(v.clkJitterMs()).as("clk_jitter").isEqualTo(decimal(e.get("clkJitterMs")));
    soft.assertThat(v.rootDelayMs()).as("rootdelay").isEqualTo(decimal(e.get("rootDelayMs")));
    soft.assertThat(v.rootDispersionMs())
        .as("rootdisp")
        .isEqualTo(decimal(e.get("rootDispersionMs")));
    soft.assertThat(v.frequencyPpm()).as("frequency").isEqualTo(decimal(e.get("frequencyPpm")));
    soft.assertThat(v.tc()).as("tc").isEqualTo(integer(e.get("tc")));
    soft.assertThat(v.peer()).as("peer").isEqualTo(integer(e.get("peer")));
    String reftime = e.get("reftime");
    if (reftime.equals("-")) {
      soft.assertThat(v.reftimeUnixSeconds()).as("reftime").isNull();
    } else {
      // ntpq prints the time to the millisecond, truncated.
      double printed = OffsetDateTime.parse(reftime).toInstant().toEpochMilli() / 1000.0;
      soft.assertThat(v.reftimeUnixSeconds()).as("reftime").isBetween(printed, printed + 0.001);
    }
    soft.assertAll();
  }

  private static Integer integer(String s) {
    return s.equals("-") ? null : Integer.valueOf(s);
  }

  private static Double decimal(String s) {
    return s.equals("-") ? null : Double.valueOf(s);
  }

  private static String text(String s) {
    return s.equals("-") ? null : s;
  }
}
