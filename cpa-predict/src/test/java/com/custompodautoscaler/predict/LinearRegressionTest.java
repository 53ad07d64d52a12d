package com.custompodautoscaler.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinearRegressionTest {

  /** The Predictive HPA's published tests first, then generated histories and look-aheads. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void forecastsAsStatsmodelsOrdinaryLeastSquaresDoes(String name, JsonNode reference) {
    List<Observation> history = new ArrayList<>();
    reference
        .get("history")
        .forEach(
            point ->
                history.add(
                    new Observation(
                        Instant.ofEpochMilli(point.get("time").asLong()),
                        point.get("replicas").asInt())));
    Instant at =
        Instant.ofEpochMilli(reference.get("now").asLong())
            .plusMillis(reference.get("lookAheadMillis").asLong());

    double forecast = LinearRegression.forecast(history, at);

    assertThat(forecast).isCloseTo(reference.get("forecast").asDouble(), within(1e-9));
    assertThat(Rounding.replicas(forecast)).isEqualTo(reference.get("replicas").asInt());
  }

  static Stream<Arguments> references() {
    return Reference.cases("linear-regression.json").stream()
        .map(reference -> Arguments.of(reference.get("name").asText(), reference));
  }

  @Test
  void thePublishedHistoryGivesFiveNowSixInTenSecondsAndSevenInFifteen() {
    Instant first = Instant.parse("2020-02-01T00:55:33Z");
    List<Observation> history =
        List.of(
            new Observation(first, 1),
            new Observation(first.plusSeconds(10), 2),
            new Observation(first.plusSeconds(20), 3),
            new Observation(first.plusSeconds(30), 4));
    Instant now = Instant.parse("2020-02-01T00:56:12Z");

    assertThat(Rounding.replicas(LinearRegression.forecast(history, now))).isEqualTo(5);
    assertThat(Rounding.replicas(LinearRegression.forecast(history, now.plusSeconds(10))))
        .isEqualTo(6);
    assertThat(Rounding.replicas(LinearRegression.forecast(history, now.plusSeconds(15))))
        .isEqualTo(7);
  }

  @Test
  void oneObservationIsItsOwnForecastAndNoneIsTooFew() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    assertThat(LinearRegression.forecast(List.of(new Observation(now, 32)), now.plusSeconds(60)))
        .isEqualTo(32);
    assertThatThrownBy(() -> LinearRegression.forecast(List.of(), now))
        .isInstanceOf(TooFewObservationsException.class)
        .hasMessage("linear regression needs at least one observation, has none");
  }
}
