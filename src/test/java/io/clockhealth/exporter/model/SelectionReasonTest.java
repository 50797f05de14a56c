package io.clockhealth.exporter.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SelectionReasonTest {

  @Test
  void everyStateLetterChronyDocumentsHasItsReason() {
    // chronyc(1) of chrony 4.3, plus r (after 4.8) and L (in the code, undocumented); the lab
    // cannot produce w, S, U, D, r and L, so they are only tested here
    Map<Character, String> expected = new TreeMap<>();
    expected.put('*', "selected");
    expected.put('+', "combined");
    expected.put('N', "noselect");
    expected.put('s', "unsynchronised");
    expected.put('M', "few_samples");
    expected.put('d', "distant");
    expected.put('D', "not_combinable");
    expected.put('~', "jittery");
    expected.put('w', "waits_for_others");
    expected.put('W', "waits_for_sources");
    expected.put('S', "stale");
    expected.put('O', "orphan");
    expected.put('T', "untrusted");
    expected.put('x', "falseticker");
    expected.put('P', "not_preferred");
    expected.put('U', "waits_for_update");
    expected.put('r', "stratum");
    expected.put('L', "outlier");
    expected.forEach(
        (letter, reason) ->
            assertThat(SelectionReason.ofChronyState(letter).label())
                .as("state %s", letter)
                .isEqualTo(reason));
    // every reason but "other" is some letter's: none is unreachable
    assertThat(
            Arrays.stream(SelectionReason.values())
                .filter(r -> r != SelectionReason.OTHER)
                .map(SelectionReason::label))
        .containsExactlyInAnyOrderElementsOf(expected.values());
  }

  @Test
  void anUnknownLetterIsOther() {
    assertThat(SelectionReason.ofChronyState('Q')).isEqualTo(SelectionReason.OTHER);
    assertThat(SelectionReason.ofChronyState('?')).isEqualTo(SelectionReason.OTHER);
  }
}
