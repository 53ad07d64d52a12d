package com.custompodautoscaler.hpa.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The predictive logic run by run, as the autoscaler calls it: each evaluate input carries the HPA
 * metric stage's proposal and the state the previous evaluation asked to keep; the clock moves 15 s
 * a run.
 */
class PredictiveHpaLogicTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A load that repeats every 6 runs: quiet, then a peak. */
  private static final int[] DAY = {2, 2, 4, 8, 4, 2};

  private static final String SEASONAL =
      """
      - type: HoltWinters
        name: daily
        perSyncPeriod: 1
        holtWinters:
          alpha: 0.9
          beta: 0.1
          gamma: 0.9
          trend: additive
          seasonal: additive
          seasonalPeriods: 6
          storedSeasons: 4
      """;

  private final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T00:00:00Z"));
  private JsonNode state;

  @Test
  void afterWarmingUpItScalesAheadOfTheSeasonalPeakThatTheHpaOnlyFollows() throws Exception {
    PredictiveHpaLogic logic = logic(Map.of("models", SEASONAL));
    List<JsonNode> evaluations = new ArrayList<>();
    for (int run = 0; run < 6 * 5; run++) {
      evaluations.add(run(logic, DAY[run % 6]));
    }

    JsonNode first = evaluations.get(0);
    assertThat(first.get("targetReplicas").asInt())
        .as("the HPA's count while warming up")
        .isEqualTo(2);
    assertThat(first.at("/predictions/daily").asText())
        .isEqualTo("warming up: Holt-Winters needs 16 observations, has 1");
    JsonNode beforePeak = evaluations.get(6 * 4 + 1);
    assertThat(beforePeak.get("hpa").asInt()).as("the HPA sees the quiet run").isEqualTo(2);
    assertThat(beforePeak.at("/predictions/daily").asInt())
        .as("the model sees the rise coming")
        .isEqualTo(4);
    assertThat(beforePeak.get("targetReplicas").asInt()).isEqualTo(4);
    assertThat(ReplicaCounts.of(state))
        .as("the history, oldest first")
        .hasSize(24)
        .endsWith(2, 4, 8, 4, 2);
  }

  @Test
  void aModelStillWarmingUpAbstainsSoMinimumDoesNotScaleToZero() throws Exception {
    PredictiveHpaLogic logic = logic(Map.of("models", SEASONAL, "decisionType", "minimum"));

    JsonNode evaluation = run(logic, 5);

    assertThat(evaluation.get("targetReplicas").asInt())
        .as("the Predictive HPA would decide 0 here, the model's warm-up answer")
        .isEqualTo(5);
  }

  @Test
  void aModelPredictsEveryPerSyncPeriodRunsAndALinearOneLooksAhead() throws Exception {
    String linear =
        """
        - {type: Linear, name: trend, perSyncPeriod: 2, linear: {historySize: 10, lookAhead: 30000}}
        """;
    PredictiveHpaLogic logic = logic(Map.of("models", linear));

    List<JsonNode> evaluations = new ArrayList<>();
    for (int replicas = 1; replicas <= 4; replicas++) {
      evaluations.add(run(logic, replicas));
    }

    assertThat(evaluations.get(0).at("/predictions/trend").asText())
        .isEqualTo("not due: every 2 runs");
    assertThat(evaluations.get(1).at("/predictions/trend").asInt())
        .as("1 then 2, 15 s apart, read 30 s after the second")
        .isEqualTo(4);
    assertThat(evaluations.get(3).at("/predictions/trend").asInt()).isEqualTo(6);
    assertThat(evaluations.get(3).get("targetReplicas").asInt()).isEqualTo(6);
  }

  @Test
  void theTuningHookGetsTheModelAndTheHistoryOldestFirstAndItsAnswerIsUsed() throws Exception {
    List<String> bodies = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/tuning",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer =
              "{\"alpha\": 0.2, \"beta\": 0.1, \"gamma\": 0.9}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    try {
      String tuned =
          SEASONAL
              .replace("    alpha: 0.9\n    beta: 0.1\n    gamma: 0.9\n", "")
              .replace(
                  "    storedSeasons: 4\n",
                  "    storedSeasons: 4\n    runtimeTuningFetchHook:\n      type: http\n      timeout: 2000\n"
                      + "      http: {method: POST, url: 'http://127.0.0.1:"
                      + server.getAddress().getPort()
                      + "/tuning', successCodes: [200], parameterMode: body}\n");
      PredictiveHpaLogic logic = logic(Map.of("models", tuned));
      JsonNode last = null;
      for (int run = 0; run < 18; run++) {
        last = run(logic, DAY[run % 6]);
      }

      assertThat(bodies).as("asked once warm, before each prediction").hasSize(3);
      JsonNode sent = JSON.readTree(bodies.get(2));
      assertThat(sent.at("/model/name").asText()).isEqualTo("daily");
      assertThat(sent.get("replicaHistory")).hasSize(18);
      assertThat(sent.at("/replicaHistory/0/time").asText()).isEqualTo("2026-12-01T00:00:00Z");
      assertThat(sent.at("/replicaHistory/17/time").asText()).isEqualTo("2026-12-01T00:04:15Z");
      assertThat(last.at("/predictions/daily").isInt()).isTrue();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aStateThatIsNotItsOwnIsSaidAndStartedOver() throws Exception {
    PredictiveHpaLogic logic = logic(Map.of("models", SEASONAL));
    state = JSON.readTree("{\"history\": 3}");

    JsonNode evaluation = run(logic, 3);

    assertThat(evaluation.get("stateReset").asText())
        .startsWith("the kept state is not the predictive logic's");
    assertThat(ReplicaCounts.of(state)).containsExactly(3);
  }

  @Test
  void badSettingsAreNamedByTheirPath() {
    assertThatThrownBy(() -> logic(Map.of("models", SEASONAL.replace("    alpha: 0.9\n", ""))))
        .hasMessage("models[0].holtWinters.alpha is required without a runtimeTuningFetchHook");
    assertThatThrownBy(() -> logic(Map.of("models", SEASONAL.replace("alpha: 0.9", "alpha: 1.9"))))
        .hasMessage("models[0].holtWinters: alpha must be from 0 to 1, is 1.9");
    assertThatThrownBy(
            () ->
                logic(
                    Map.of(
                        "models",
                        SEASONAL.replace(
                            "storedSeasons: 4", "storedSeasons: 4\n    dampedTrend: true"))))
        .hasMessageStartingWith(
            "models[0].holtWinters.dampingTrend is required with dampedTrend: true");
    assertThatThrownBy(() -> logic(Map.of("models", SEASONAL.replace("HoltWinters", "Arima"))))
        .hasMessage("models[0].type must be Linear or HoltWinters, got 'Arima'");
    assertThatThrownBy(() -> logic(Map.of("models", SEASONAL, "decisionType", "max")))
        .hasMessage("decisionType: 'max' is not maximum, minimum, mean or median");
    assertThatThrownBy(
            () -> logic(Map.of("models", SEASONAL.replace("seasonalPeriods", "seasonalPeriod"))))
        .hasMessageStartingWith("models[0].holtWinters.seasonalPeriod is not a setting here");
    assertThatThrownBy(() -> logic(Map.of())).hasMessageStartingWith("models is required");
    assertThatThrownBy(() -> logic(Map.of("models", SEASONAL, "historyMaxAge", "a week")))
        .hasMessage(
            "historyMaxAge must be a duration above 0 such as 90s, 2m30s or 168h, got 'a week'");
  }

  private PredictiveHpaLogic logic(Map<String, String> env) {
    return new PredictiveHpaLogic(env, clock);
  }

  /**
   * One run: the HPA proposes {@code replicas}; the state kept before goes in, the new one is kept.
   */
  private JsonNode run(PredictiveHpaLogic logic, int replicas) throws Exception {
    String proposal =
        "{\"specReplicas\":2,\"metrics\":[{\"metric\":\"resource cpu\",\"replicas\":"
            + replicas
            + ",\"current\":50}]}";
    String input =
        "{\"metrics\":[{\"resource\":\"web\",\"value\":"
            + JSON.writeValueAsString(proposal)
            + "}],\"resource\":{\"kind\":\"Deployment\"},\"runType\":\"scaler\""
            + (state == null ? "" : ",\"state\":" + state)
            + "}";
    JsonNode evaluation = JSON.readTree(logic.call("evaluate", input));
    state = evaluation.get("state");
    clock.advance(Duration.ofSeconds(15));
    return evaluation;
  }

  /** The replica counts of a kept state's history. */
  private static final class ReplicaCounts {
    static List<Integer> of(JsonNode state) {
      return com.custompodautoscaler.predict.ReplicaHistory.decode(state.get("history").asText())
          .observations()
          .stream()
          .map(com.custompodautoscaler.predict.Observation::replicas)
          .toList();
    }
  }

  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
