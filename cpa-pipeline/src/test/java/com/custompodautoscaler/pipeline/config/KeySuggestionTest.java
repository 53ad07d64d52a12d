package com.custompodautoscaler.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {

  private static final List<String> KEYS =
      List.of("minReplicas", "maxReplicas", "interval", "runMode");

  @Test
  void suggestsTheKeyATypoWasMeantToBe() {
    assertThat(KeySuggestion.closest("minReplica", KEYS)).contains("minReplicas");
    assertThat(KeySuggestion.closest("intervall", KEYS)).contains("interval");
    assertThat(KeySuggestion.closest("run_mode", KEYS)).contains("runMode");
  }

  @Test
  void suggestsNothingForAnUnrelatedWord() {
    assertThat(KeySuggestion.closest("banana", KEYS)).isEmpty();
  }

  @Test
  void measuresEditDistance() {
    assertThat(KeySuggestion.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(KeySuggestion.distance("", "abc")).isEqualTo(3);
    assertThat(KeySuggestion.distance("same", "same")).isZero();
  }
}
