package com.custompodautoscaler.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.custompodautoscaler.predict.HoltWinters.Component;
import com.custompodautoscaler.predict.HoltWinters.Initialization;
import com.custompodautoscaler.predict.HoltWinters.KnownStart;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HoltWintersTest {

  /**
   * Every reference case: the Predictive HPA's published tests first, then generated series over
   * every trend, season and initialization, damped and known: each forecast step within 1e-9 of
   * statsmodels', and the same replica count.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void forecastsAsStatsmodelsDoes(String name, JsonNode reference) {
    HoltWinters model = model(reference);
    double[] expected = Reference.doubles(reference.get("forecast"));

    double[] forecast = model.forecast(Reference.doubles(reference.get("series")), expected.length);

    for (int step = 0; step < expected.length; step++) {
      assertThat(forecast[step]).as("step %d", step + 1).isCloseTo(expected[step], within(1e-9));
      assertThat(Rounding.replicas(forecast[step]))
          .as("replicas at step %d", step + 1)
          .isEqualTo(reference.get("replicas").get(step).asInt());
    }
  }

  static Stream<Arguments> references() {
    return Reference.cases("holt-winters.json").stream()
        .map(reference -> Arguments.of(reference.get("name").asText(), reference));
  }

  @Test
  void thePublishedSeriesGiveThePublishedReplicas() {
    double[] additive = {1, 3, 1, 1, 3, 1, 1, 3, 1, 1, 3, 1, 1};
    assertThat(replicas(model(Component.ADD, Component.ADD, 0.9, 0.9, 0.3), additive)).isEqualTo(3);
    double[] fifteen = {1, 3, 1, 1, 3, 1, 1, 3, 1, 1, 3, 1, 1, 3, 1};
    assertThat(replicas(model(Component.MUL, Component.ADD, 0.3, 0.3, 0.9), fifteen)).isEqualTo(1);
    double[] rising = {1, 1, 1, 1, 2, 1, 1, 3, 1, 1, 4, 1, 1, 5, 1, 1, 6, 1, 1};
    HoltWinters legacy =
        new HoltWinters(
            Component.ADD,
            Component.MUL,
            3,
            0.005,
            0.9,
            0.4,
            OptionalDouble.empty(),
            Initialization.LEGACY_HEURISTIC,
            Optional.empty());
    assertThat(replicas(legacy, rising)).isEqualTo(6);
  }

  @Test
  void tooFewObservationsAreRefusedWithTheBoundTheyMiss() {
    HoltWinters model = model(Component.ADD, Component.ADD, 0.9, 0.9, 0.3);

    assertThatThrownBy(() -> model.forecast(new double[] {1, 3}, 1))
        .isInstanceOf(TooFewObservationsException.class)
        .hasMessage("Holt-Winters needs at least 2 * seasonalPeriods = 6 observations, has 2");
    assertThatThrownBy(() -> model.forecast(new double[] {1, 3, 1, 1, 3, 1, 1, 3, 1}, 1))
        .isInstanceOf(TooFewObservationsException.class)
        .hasMessage(
            "Holt-Winters needs at least 10 + 2 * (seasonalPeriods // 2) = 12 observations, has 9");
    assertThat(model.fewestObservations()).isEqualTo(12);
  }

  @Test
  void aMultiplicativeComponentRefusesAnObservationOfZero() {
    double[] series = {1, 3, 1, 1, 3, 1, 1, 3, 0, 1, 3, 1, 1};

    assertThatThrownBy(() -> model(Component.ADD, Component.MUL, 0.5, 0.5, 0.5).forecast(series, 1))
        .hasMessage(
            "a multiplicative trend or season needs every observation above 0; observation 8 is"
                + " 0.0");
  }

  @Test
  void settingsOutOfRangeAreNamed() {
    assertThatThrownBy(() -> model(Component.ADD, Component.ADD, 1.5, 0.5, 0.5))
        .hasMessage("alpha must be from 0 to 1, is 1.5");
    assertThatThrownBy(
            () -> additive(OptionalDouble.of(0), Initialization.HEURISTIC, Optional.empty()))
        .hasMessage("dampingTrend must be above 0 and at most 1, is 0.0");
    Optional<KnownStart> noTrend =
        Optional.of(new KnownStart(2, OptionalDouble.empty(), OptionalDouble.of(1)));
    assertThatThrownBy(() -> additive(OptionalDouble.empty(), Initialization.KNOWN, noTrend))
        .hasMessage("initializationMethod known needs initialTrend");
    assertThatThrownBy(() -> Component.parse("linear"))
        .hasMessage("'linear' is not add, additive, mul or multiplicative");
    assertThatThrownBy(() -> Initialization.parse("simple"))
        .hasMessage("'simple' is not estimated, heuristic, legacy-heuristic or known");
  }

  private static HoltWinters additive(
      OptionalDouble damping, Initialization initialization, Optional<KnownStart> known) {
    return new HoltWinters(
        Component.ADD, Component.ADD, 3, 0.5, 0.5, 0.5, damping, initialization, known);
  }

  private static int replicas(HoltWinters model, double[] series) {
    return Rounding.replicas(model.forecast(series, 1)[0]);
  }

  private static HoltWinters model(
      Component trend, Component seasonal, double alpha, double beta, double gamma) {
    return new HoltWinters(
        trend,
        seasonal,
        3,
        alpha,
        beta,
        gamma,
        OptionalDouble.empty(),
        Initialization.ESTIMATED,
        Optional.empty());
  }

  private static HoltWinters model(JsonNode reference) {
    Component trend = component(reference.get("trend").asText());
    Component seasonal = component(reference.get("seasonal").asText());
    Initialization initialization =
        Initialization.parse(reference.get("initializationMethod").asText());
    Optional<KnownStart> known =
        initialization == Initialization.KNOWN
            ? Optional.of(
                new KnownStart(
                    reference.get("initialLevel").asDouble(),
                    optional(reference, "initialTrend"),
                    optional(reference, "initialSeasonal")))
            : Optional.empty();
    return new HoltWinters(
        trend,
        seasonal,
        reference.get("seasonalPeriods").asInt(),
        reference.get("alpha").asDouble(),
        reference.get("beta").asDouble(),
        reference.get("gamma").asDouble(),
        optional(reference, "dampingTrend"),
        initialization,
        known);
  }

  private static Component component(String name) {
    return name.equals("none") ? Component.NONE : Component.parse(name);
  }

  private static OptionalDouble optional(JsonNode reference, String field) {
    return reference.has(field)
        ? OptionalDouble.of(reference.get(field).asDouble())
        : OptionalDouble.empty();
  }
}
