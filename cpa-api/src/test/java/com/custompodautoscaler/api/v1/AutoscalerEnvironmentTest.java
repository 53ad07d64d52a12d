package com.custompodautoscaler.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which port the autoscaler's health listener takes, as the operator's probes must know it. */
class AutoscalerEnvironmentTest {

  record Case(String name, List<ConfigEntry> config, Optional<Integer> port) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> healthPorts() {
    return Stream.of(
        new Case("no entry: the operator's", List.of(), Optional.of(8081)),
        new Case("an entry of a port", entries("healthPort", "9090"), Optional.of(9090)),
        new Case("the highest port", entries("healthPort", "65535"), Optional.of(65535)),
        new Case(
            "the last of two entries, as in a pod",
            entries("healthPort", "9090", "healthPort", "9191"),
            Optional.of(9191)),
        new Case(
            "an entry in another letter case sets nothing",
            entries("HealthPort", "9090"),
            Optional.of(8081)),
        new Case("octal, which the autoscaler reads", entries("healthPort", "017621"), none()),
        new Case("hexadecimal", entries("healthPort", "0x1F91"), none()),
        new Case("a fraction", entries("healthPort", "8081.0"), none()),
        new Case("a sign", entries("healthPort", "+8081"), none()),
        new Case("spaces", entries("healthPort", " 8081"), none()),
        new Case("zero", entries("healthPort", "0"), none()),
        new Case("above the highest port", entries("healthPort", "65536"), none()),
        new Case("a word", entries("healthPort", "health"), none()),
        new Case("empty", entries("healthPort", ""), none()),
        new Case("no value", List.of(new ConfigEntry("healthPort", null)), none()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("healthPorts")
  void findsTheHealthPort(Case c) {
    CustomPodAutoscaler cpa =
        CustomPodAutoscaler.of(
            "shop-cpa", new ScaleTargetReference("apps/v1", "Deployment", "web"), "image");
    cpa.getMetadata().setNamespace("shop");
    cpa.getSpec().setConfig(c.config());

    assertThat(AutoscalerEnvironment.healthPort(cpa)).isEqualTo(c.port());
  }

  /** Entries from names and values, alternately. */
  private static List<ConfigEntry> entries(String... namesAndValues) {
    return Stream.iterate(0, i -> i < namesAndValues.length, i -> i + 2)
        .map(i -> new ConfigEntry(namesAndValues[i], namesAndValues[i + 1]))
        .toList();
  }

  private static Optional<Integer> none() {
    return Optional.empty();
  }
}
