package com.custompodautoscaler.autoscaler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DryRunParameterTest {

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of("no query", null, Optional.of(false)),
        Arguments.of("another parameter only", "x=1", Optional.of(false)),
        Arguments.of("empty value", "dry_run=", Optional.of(false)),
        Arguments.of("name without value", "dry_run", Optional.of(false)),
        Arguments.of("true", "dry_run=true", Optional.of(true)),
        Arguments.of("Go spelling 1", "dry_run=1", Optional.of(true)),
        Arguments.of("Go spelling T", "dry_run=T", Optional.of(true)),
        Arguments.of("Go spelling FALSE", "dry_run=FALSE", Optional.of(false)),
        Arguments.of("the first value counts", "dry_run=true&dry_run=invalid", Optional.of(true)),
        Arguments.of("yes is not a boolean", "dry_run=yes", Optional.empty()),
        Arguments.of("mixed case is not either", "dry_run=tRuE", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void readsTheDryRunFlagAsCpaV2Does(String name, String query, Optional<Boolean> expected) {
    assertThat(DryRunParameter.parse(query)).isEqualTo(expected);
  }
}
