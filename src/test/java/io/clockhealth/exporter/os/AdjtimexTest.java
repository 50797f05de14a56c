package io.clockhealth.exporter.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JNA layout of {@code struct timex} against gcc's (src/test/resources/captures/host/
 * struct-timex-offsets_x86_64_glibc-2.36_gcc.txt), and one real read-only call on this machine.
 */
class AdjtimexTest {

  /** offsetof() as gcc printed it on x86_64 glibc 2.36. */
  private static final Map<String, Integer> GCC_OFFSETS =
      Map.ofEntries(
          Map.entry("modes", 0),
          Map.entry("offset", 8),
          Map.entry("freq", 16),
          Map.entry("maxerror", 24),
          Map.entry("esterror", 32),
          Map.entry("status", 40),
          Map.entry("constant", 48),
          Map.entry("precision", 56),
          Map.entry("tolerance", 64),
          Map.entry("time", 72),
          Map.entry("tick", 88),
          Map.entry("ppsfreq", 96),
          Map.entry("jitter", 104),
          Map.entry("shift", 112),
          Map.entry("stabil", 120),
          Map.entry("jitcnt", 128),
          Map.entry("calcnt", 136),
          Map.entry("errcnt", 144),
          Map.entry("stbcnt", 152),
          Map.entry("tai", 160));

  /** Structure.fieldOffset is protected: a subclass cannot be made of a final class, so ask it. */
  private static int offset(Timex timex, String field) throws ReflectiveOperationException {
    var method = com.sun.jna.Structure.class.getDeclaredMethod("fieldOffset", String.class);
    method.setAccessible(true);
    return (int) method.invoke(timex, field);
  }

  @Test
  void theStructureHasGlibcsLayout() throws ReflectiveOperationException {
    Timex timex = new Timex();
    assertThat(timex.size()).isEqualTo(208);
    for (Map.Entry<String, Integer> field : GCC_OFFSETS.entrySet()) {
      assertThat(offset(timex, field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
    }
  }

  @Test
  void modesIsFinalAndZeroSoTheCallCanOnlyRead() throws ReflectiveOperationException {
    Field modes = Timex.class.getField("modes");
    assertThat(Modifier.isFinal(modes.getModifiers())).isTrue();
    assertThat(new Timex().modes).isZero();
  }

  @Test
  void realReadsReturnADocumentedStateWithTheOneReusedStructure() throws Exception {
    KernelTimexSource adjtimex = Adjtimex.system().orElseThrow();
    KernelTimex first = adjtimex.read();
    assertThat(first.state()).isBetween(0, 5);
    assertThat(first.maxerror()).isBetween(0L, 16_000_000L);
    assertThat(first.esterror()).isBetween(0L, 16_000_000L);
    KernelTimex second = adjtimex.read();
    assertThat(second.state()).isEqualTo(first.state());
    assertThat(second.tai()).isEqualTo(first.tai());
  }
}
