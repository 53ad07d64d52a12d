package com.custompodautoscaler.hpa.predictive;

import com.custompodautoscaler.api.spi.InProcessUserLogic;
import com.custompodautoscaler.hpa.HpaLogic;
import com.custompodautoscaler.predict.Observation;
import com.custompodautoscaler.predict.ReplicaHistory;
import com.custompodautoscaler.predict.TooFewObservationsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Predictive Horizontal Pod Autoscaler as a CPA's logic: the metric stage is the HPA's; the
 * evaluate stage takes the HPA's replica count, adds it to the history it keeps in its {@code
 * state}, asks each model that is due for its prediction, and decides among the HPA's count and the
 * predictions by {@code decisionType}. A model still warming up abstains. Bounds, {@code behavior}
 * and stabilization are the autoscaler's, as for every CPA.
 *
 * <p>Its evaluation says what each part gave: {@code {"targetReplicas": 7, "hpa": 5, "predictions":
 * {"daily": 7, "trend": "warming up: ..."}, "state": {...}}}.
 */
public final class PredictiveHpaLogic implements InProcessUserLogic {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HpaLogic hpa;
  private final PredictiveOptions options;
  private final Clock clock;

  /**
   * The logic with its settings from the CPA's variables {@code env}, its observations timed by the
   * autoscaler's {@code clock} (a virtual one in {@code simulate}).
   *
   * @throws IllegalArgumentException naming the setting that is missing or invalid
   */
  public PredictiveHpaLogic(Map<String, String> env, Clock clock) {
    this.hpa = new HpaLogic(env);
    this.options = PredictiveOptions.from(env);
    this.clock = clock;
  }

  @Override
  public String call(String stage, String document) throws JsonProcessingException {
    return stage.equals("evaluate") ? evaluate(document) : hpa.call(stage, document);
  }

  private String evaluate(String document) throws JsonProcessingException {
    int hpaReplicas = JSON.readTree(hpa.call("evaluate", document)).get("targetReplicas").asInt();
    Instant now = clock.instant();
    ObjectNode evaluation = JSON.createObjectNode();
    PredictiveState before;
    try {
      before = PredictiveState.read(JSON.readTree(document).get("state"));
    } catch (IllegalArgumentException e) {
      evaluation.put("stateReset", e.getMessage());
      before = PredictiveState.EMPTY;
    }
    ReplicaHistory history =
        before
            .history()
            .with(new Observation(now, hpaReplicas), options.kept(), options.historyMaxAge());
    long observed = before.observed() + 1;
    Map<String, Instant> started = new HashMap<>(before.started());
    List<Integer> candidates = new ArrayList<>(List.of(hpaReplicas));
    ObjectNode predictions = JSON.createObjectNode();
    for (PredictionModel model : options.models()) {
      ModelSchedule schedule = model.schedule();
      Optional<Instant> start =
          schedule
              .startInterval()
              .map(
                  interval ->
                      started.computeIfAbsent(
                          schedule.name(), name -> ModelSchedule.firstStart(now, interval)));
      if (start.isPresent() && now.isBefore(start.get())) {
        predictions.put(schedule.name(), "starts at " + start.get());
      } else if (!schedule.due(observed)) {
        predictions.put(schedule.name(), "not due: every " + schedule.perSyncPeriod() + " runs");
      } else {
        try {
          int predicted = model.predict(schedule.readable(history.observations(), start), now);
          candidates.add(predicted);
          predictions.put(schedule.name(), predicted);
        } catch (TooFewObservationsException e) {
          predictions.put(schedule.name(), "warming up: " + e.getMessage());
        } catch (RuntimeException e) {
          predictions.put(schedule.name(), "failed: " + e.getMessage());
        }
      }
    }
    started
        .keySet()
        .retainAll(options.models().stream().map(model -> model.schedule().name()).toList());
    evaluation.put("targetReplicas", Math.max(0, options.decisionType().decide(candidates)));
    evaluation.put("hpa", hpaReplicas);
    evaluation.set("predictions", predictions);
    evaluation.set("state", new PredictiveState(history, observed, started).write());
    return evaluation.toString();
  }
}
