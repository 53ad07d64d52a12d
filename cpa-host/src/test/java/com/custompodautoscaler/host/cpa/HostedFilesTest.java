package com.custompodautoscaler.host.cpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostedFilesTest {

  @TempDir Path root;
  @TempDir Path imageFiles;

  @Test
  void theGettingStartedLogicIsWhereItsPodWouldSeeIt() throws Exception {
    Path example = ProjectFiles.resolve("examples/getting-started");
    CustomPodAutoscaler cpa =
        Serialization.unmarshal(
            Files.readString(example.resolve("cpa.yaml")), CustomPodAutoscaler.class);
    ConfigMap logic =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("getting-started-logic")
            .endMetadata()
            .addToData("config.yaml", Files.readString(example.resolve("config.yaml")))
            .addToData("metric.py", Files.readString(example.resolve("metric.py")))
            .addToData("evaluate.py", Files.readString(example.resolve("evaluate.py")))
            .build();

    HostedFiles files =
        HostedFiles.write(
            cpa.getSpec().getTemplate().getSpec(),
            Map.of("getting-started-logic", logic),
            root,
            imageFiles);

    assertThat(files.workingDir()).isEqualTo(root.resolve("cpa"));
    assertThat(root.resolve("cpa/metric.py")).hasSameTextualContentAs(example.resolve("metric.py"));
    assertThat(files.onHost("/cpa/config.yaml")).contains(root.resolve("cpa/config.yaml"));
    assertThat(files.onHost("evaluate.py")).contains(root.resolve("cpa/evaluate.py"));
    assertThat(files.onHost("/opt/cpa/cpa-hpa.jar")).as("the image's, not a mount's").isEmpty();
    assertThat(files.commandPaths().apply("/cpa/metric.py"))
        .isEqualTo(root.resolve("cpa/metric.py").toString());
    assertThat(files.commandPaths().apply("metric.py")).isEqualTo("metric.py");
    assertThat(files.commandPaths().apply("/usr/bin/python3")).isEqualTo("/usr/bin/python3");
  }

  @Test
  void itemsModesSubPathsAndBinaryDataAreProjectedAsTheKubeletWould() throws Exception {
    PodSpec pod =
        new PodSpecBuilder()
            .addNewContainer()
            .withName("autoscaler")
            .withWorkingDir("/app")
            .addNewVolumeMount()
            .withName("scripts")
            .withMountPath("/app/bin")
            .endVolumeMount()
            .addNewVolumeMount()
            .withName("settings")
            .withMountPath("/config.yaml")
            .withSubPath("config.yaml")
            .endVolumeMount()
            .endContainer()
            .addNewVolume()
            .withName("scripts")
            .withNewConfigMap()
            .withName("scripts")
            .withDefaultMode(0755)
            .addNewItem()
            .withKey("run")
            .withPath("tools/run.sh")
            .endItem()
            .addNewItem()
            .withKey("model")
            .withPath("model.bin")
            .withMode(0600)
            .endItem()
            .endConfigMap()
            .endVolume()
            .addNewVolume()
            .withName("settings")
            .withNewConfigMap()
            .withName("settings")
            .endConfigMap()
            .endVolume()
            .build();
    byte[] model = {0, 1, 2, (byte) 255};
    Map<String, ConfigMap> configMaps =
        Map.of(
            "scripts",
            new ConfigMapBuilder()
                .addToData("run", "#!/bin/sh\necho 3\n")
                .addToData("unlisted", "not projected")
                .addToBinaryData("model", Base64.getEncoder().encodeToString(model))
                .build(),
            "settings",
            new ConfigMapBuilder()
                .addToData("config.yaml", "interval: 15000\n")
                .addToData("other.yaml", "not mounted\n")
                .build());

    HostedFiles files = HostedFiles.write(pod, configMaps, root, imageFiles);

    Path run = root.resolve("app/bin/tools/run.sh");
    assertThat(run).hasContent("#!/bin/sh\necho 3");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run)))
        .isEqualTo("rwxr-xr-x");
    Path modelFile = root.resolve("app/bin/model.bin");
    assertThat(Files.readAllBytes(modelFile)).isEqualTo(model);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(modelFile)))
        .isEqualTo("rw-------");
    assertThat(root.resolve("app/bin/unlisted")).doesNotExist();
    assertThat(root.resolve("config.yaml")).isRegularFile().hasContent("interval: 15000");
    assertThat(root.resolve("other.yaml")).doesNotExist();
    assertThat(files.onHost("/config.yaml")).contains(root.resolve("config.yaml"));
    assertThat(files.onHost("bin/tools/run.sh")).contains(run);
    assertThat(new String(Files.readAllBytes(run), StandardCharsets.UTF_8)).startsWith("#!");
  }

  @Test
  void aFileOfTheImageThatNoMountHidesIsTheHostsCopy() throws Exception {
    Files.writeString(imageFiles.resolve("config.yaml"), "runMode: per-resource\n");
    PodSpec pod = mountingAtLogic("logic");
    ConfigMap logic = new ConfigMapBuilder().addToData("config.yaml", "interval: 1000\n").build();

    HostedFiles files = HostedFiles.write(pod, Map.of("logic", logic), root, imageFiles);

    assertThat(files.onHost("/config.yaml")).contains(imageFiles.resolve("config.yaml"));
    assertThat(files.onHost("/logic/config.yaml")).contains(root.resolve("logic/config.yaml"));
    assertThat(files.onHost("/etc/passwd")).as("not among the image's files").isEmpty();
  }

  @Test
  void aMissingConfigMapWaitsUnlessItIsOptional() throws Exception {
    PodSpec pod = mountingAtLogic("not-yet");

    assertThatThrownBy(() -> HostedFiles.write(pod, Map.of(), root, imageFiles))
        .isInstanceOf(MissingConfigMapException.class)
        .hasMessage("ConfigMap not-yet (volume logic) is not there; the CPA waits for it");

    pod.getVolumes().get(0).getConfigMap().setOptional(true);
    HostedFiles files = HostedFiles.write(pod, Map.of(), root, imageFiles);
    assertThat(files.onHost("/logic/x")).isEmpty();
  }

  /** A pod whose one container mounts ConfigMap {@code configMap} at {@code /logic}. */
  private static PodSpec mountingAtLogic(String configMap) {
    return new PodSpecBuilder()
        .addNewContainer()
        .withName("autoscaler")
        .addNewVolumeMount()
        .withName("logic")
        .withMountPath("/logic")
        .endVolumeMount()
        .endContainer()
        .addNewVolume()
        .withName("logic")
        .withNewConfigMap()
        .withName(configMap)
        .endConfigMap()
        .endVolume()
        .build();
  }
}
