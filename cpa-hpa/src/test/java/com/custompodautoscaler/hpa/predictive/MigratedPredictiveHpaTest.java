package com.custompodautoscaler.hpa.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.AutoscalerEnvironment;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.core.decision.CpaDownscaleStabilization;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.config.JavaMethodConfig;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The migration docs/predictive-horizontal-pod-autoscaler.md shows: the Predictive HPA's resource
 * and the CustomPodAutoscaler its fields were copied into, run on the HPA image. The HPA image's
 * configuration with that CPA's variables runs the predictive logic, which reads the same models.
 */
class MigratedPredictiveHpaTest {

  @Test
  void theCpaOnTheHpaImageRunsThePredictiveLogicWithTheResourcesModels() throws Exception {
    CustomPodAutoscaler cpa = resource("migrated-cpa.yaml", CustomPodAutoscaler.class);
    cpa.getMetadata().setNamespace("default");
    Map<String, String> env = new HashMap<>();
    for (EnvVar variable : AutoscalerEnvironment.of(cpa)) {
      env.put(variable.getName(), variable.getValue());
    }

    AutoscalerConfig config =
        ConfigLoader.load(
                Files.readString(
                    ProjectFiles.resolve("deploy/docker/horizontal-pod-autoscaler/config.yaml")),
                "the HPA image's config.yaml",
                env)
            .config();
    PredictiveOptions options = PredictiveOptions.from(env);

    JavaMethodConfig evaluate = (JavaMethodConfig) config.method(Stage.EVALUATE).orElseThrow();
    assertThat(evaluate.className()).isEqualTo(PredictiveHpaLogic.class.getName());
    assertThat(evaluate.classpath()).as("the image's jar").hasSize(1);
    assertThat(config.interval().toMillis()).isEqualTo(10_000);
    assertThat(config.rules())
        .as("its scale-down window of 0")
        .isEqualTo(new CpaDownscaleStabilization(Duration.ZERO));
    assertThat(config.kubernetesMetrics().specs()).as("its metrics entry").hasSize(1);
    JsonNode phpa = resource("predictive-hpa.yaml", JsonNode.class);
    assertThat(options.models())
        .singleElement()
        .isEqualTo(
            new LinearModel(
                new ModelSchedule(
                    phpa.at("/spec/models/0/name").asText(), 1, Optional.empty(), Optional.empty()),
                phpa.at("/spec/models/0/linear/historySize").asInt(),
                Duration.ofMillis(phpa.at("/spec/models/0/linear/lookAhead").asLong())));
  }

  private static <T> T resource(String name, Class<T> type) throws Exception {
    try (InputStream in =
        MigratedPredictiveHpaTest.class.getResourceAsStream("/predictive/" + name)) {
      return type == JsonNode.class
          ? type.cast(new YAMLMapper().readTree(in))
          : Serialization.unmarshal(in, type);
    }
  }
}
