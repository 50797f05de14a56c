package io.clockhealth.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.model.PtpGrandmaster;
import io.clockhealth.exporter.model.PtpPort;
import io.clockhealth.exporter.model.PtpPortState;
import io.clockhealth.exporter.model.PtpStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status page's PTP part: ports, the last Sync, the grandmaster, all escaped. */
class PtpSectionTest {

  @Test
  void aSlaveShowsItsPortTheLastSyncAndItsGrandmaster() {
    StringWriter text = new StringWriter();
    PtpSection.write(
        new PrintWriter(text),
        new PtpStatus(
            List.of(new PtpPort("veth<1>", PtpPortState.SLAVE)),
            0.000012,
            1,
            0.4,
            new PtpGrandmaster("b62257.fffe.246aa6", 248, "0xfe", "0xa0"),
            37.0,
            false,
            false));
    assertThat(text.toString())
        .contains("<tr><th>Port veth&lt;1&gt;</th><td>SLAVE</td></tr>")
        .contains("<tr><th>Last Sync</th><td>400.000 ms ago</td></tr>")
        .contains("<tr><th>Mean path delay</th><td>12.000 µs</td></tr>")
        .contains("<td>b62257.fffe.246aa6 (clock class 248, accuracy 0xfe, time source 0xa0)</td>");
  }
}
