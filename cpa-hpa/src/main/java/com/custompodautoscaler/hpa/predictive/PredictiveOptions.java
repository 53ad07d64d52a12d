package com.custompodautoscaler.hpa.predictive;

import com.custompodautoscaler.predict.DecisionType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The predictive logic's settings, from the CPA's variables as its {@code config} entries deliver
 * them, named as in the Predictive HPA's resource: {@code models} (YAML or JSON, a list of models
 * as under {@code spec.models}), {@code decisionType} ({@code maximum} by default), and {@code
 * historyMaxAge}, how old a kept observation may be (no limit by default).
 */
record PredictiveOptions(
    List<PredictionModel> models, DecisionType decisionType, Optional<Duration> historyMaxAge) {

  static final String MODELS = "models";
  static final String DECISION_TYPE = "decisionType";
  static final String HISTORY_MAX_AGE = "historyMaxAge";

  /** The most observations kept: about 4 characters each, within the state's 512 KiB. */
  static final int MOST_KEPT = 120_000;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * @throws IllegalArgumentException naming the setting that is missing or invalid
   */
  static PredictiveOptions from(Map<String, String> env) {
    String written = env.get(MODELS);
    if (written == null || written.isBlank()) {
      throw new IllegalArgumentException(
          MODELS + " is required: the models, as the Predictive HPA's spec.models lists them");
    }
    JsonNode list;
    try {
      list = YAML.readTree(written);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(MODELS + " is not YAML: " + e.getOriginalMessage(), e);
    }
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException(MODELS + " must be a list of at least one model");
    }
    List<PredictionModel> models = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      PredictionModel model = model(new Settings(list.get(i), MODELS + "[" + i + "]"));
      if (!names.add(model.schedule().name())) {
        throw new IllegalArgumentException(
            MODELS
                + "["
                + i
                + "].name: '"
                + model.schedule().name()
                + "' names an earlier model too");
      }
      if (model.observationsRead() > MOST_KEPT) {
        throw new IllegalArgumentException(
            MODELS
                + "["
                + i
                + "] reads "
                + model.observationsRead()
                + " observations, more than the "
                + MOST_KEPT
                + " kept");
      }
      models.add(model);
    }
    DecisionType decisionType;
    try {
      decisionType =
          Optional.ofNullable(env.get(DECISION_TYPE))
              .filter(value -> !value.isBlank())
              .map(value -> DecisionType.parse(value.strip()))
              .orElse(DecisionType.MAXIMUM);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(DECISION_TYPE + ": " + e.getMessage(), e);
    }
    Optional<Duration> maxAge =
        Optional.ofNullable(env.get(HISTORY_MAX_AGE))
            .filter(value -> !value.isBlank())
            .map(value -> Settings.duration(value.strip(), HISTORY_MAX_AGE));
    return new PredictiveOptions(List.copyOf(models), decisionType, maxAge);
  }

  private static final Set<String> MODEL_FIELDS =
      Set.of(
          "type",
          "name",
          "perSyncPeriod",
          "startInterval",
          "resetDuration",
          "calculationTimeout",
          "linear",
          "holtWinters");

  private static PredictionModel model(Settings model) {
    model.allowing(MODEL_FIELDS);
    ModelSchedule schedule = ModelSchedule.read(model);
    String type = model.text("type");
    return switch (type) {
      case "Linear" -> LinearModel.read(schedule, model.child("linear"));
      case "HoltWinters" -> HoltWintersModel.read(schedule, model, model.child("holtWinters"));
      default ->
          throw new IllegalArgumentException(
              model.where("type") + " must be Linear or HoltWinters, got '" + type + "'");
    };
  }

  /** How many observations to keep: as many as the hungriest model reads. */
  int kept() {
    return models.stream().mapToInt(PredictionModel::observationsRead).max().orElse(1);
  }
}
