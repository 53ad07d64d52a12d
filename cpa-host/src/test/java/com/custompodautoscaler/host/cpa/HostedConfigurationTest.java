package com.custompodautoscaler.host.cpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.config.InvalidConfigException;
import com.custompodautoscaler.pipeline.config.ShellMethodConfig;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostedConfigurationTest {

  private static final Path EXAMPLE = ProjectFiles.resolve("examples/getting-started");

  @TempDir Path root;

  @Test
  void theGettingStartedCpaReadsItsConfigFromItsConfigMapWithItsVariables() throws Exception {
    CustomPodAutoscaler cpa = example();
    cpa.getSpec().getConfig().add(new ConfigEntry("interval", "2000"));
    cpa.getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getEnv()
        .add(new EnvVarBuilder().withName("LOG_FORMAT").withValue("json").build());

    HostedConfiguration hosted = HostedConfiguration.load(cpa, files(cpa));

    assertThat(hosted.loaded().source()).isEqualTo("default/getting-started /cpa/config.yaml");
    assertThat(hosted.loaded().config().interval())
        .as("spec.config over the file")
        .isEqualTo(Duration.ofMillis(2000));
    assertThat(hosted.loaded().config().cpaName()).isEqualTo("getting-started");
    assertThat(hosted.loaded().config().bounds().max()).as("from the file").isEqualTo(5);
    assertThat(((ShellMethodConfig) hosted.loaded().config().methods().get(Stage.METRIC)).command())
        .containsExactly("metric.py");
    assertThat(hosted.environment())
        .containsEntry("LOG_FORMAT", "json")
        .containsEntry("configPath", "/cpa/config.yaml")
        .containsEntry("namespace", "default")
        .containsEntry("cpaName", "getting-started")
        .containsEntry("interval", "2000");
  }

  @Test
  void aConfigFileOutsideItsConfigMapsIsAProblemNamedAsTheAutoscalerWould() throws Exception {
    CustomPodAutoscaler cpa = example();
    cpa.getSpec().getConfig().removeIf(entry -> entry.getName().equals("configPath"));

    assertThatThrownBy(() -> HostedConfiguration.load(cpa, files(cpa)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("default/getting-started /config.yaml")
        .hasMessageContaining(
            "the config file is not in a ConfigMap the CPA mounts; a hosted CPA's files come from"
                + " its ConfigMaps");
  }

  private CustomPodAutoscaler example() throws Exception {
    CustomPodAutoscaler cpa =
        Serialization.unmarshal(
            Files.readString(EXAMPLE.resolve("cpa.yaml")), CustomPodAutoscaler.class);
    cpa.getMetadata().setNamespace("default");
    return cpa;
  }

  private HostedFiles files(CustomPodAutoscaler cpa) throws Exception {
    ConfigMap logic =
        new ConfigMapBuilder()
            .addToData("config.yaml", Files.readString(EXAMPLE.resolve("config.yaml")))
            .addToData("metric.py", Files.readString(EXAMPLE.resolve("metric.py")))
            .addToData("evaluate.py", Files.readString(EXAMPLE.resolve("evaluate.py")))
            .build();
    return HostedFiles.write(
        cpa.getSpec().getTemplate().getSpec(),
        Map.of("getting-started-logic", logic),
        root,
        root.resolve("no-image-files"));
  }
}
