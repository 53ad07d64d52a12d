package com.custompodautoscaler.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.Hosting.HostedImage;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HostingTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Path UPSTREAM =
      Path.of("..", "cpa-operator/src/test/resources/upstream-examples");

  @Test
  void theExamplesThatRunOnOurImagesFromConfigMapsCanBeHostedTheOthersSayWhyNot()
      throws IOException {
    Map<String, List<String>> reasons = new TreeMap<>();
    try (Stream<Path> folders = Files.list(EXAMPLES)) {
      for (Path folder : folders.toList()) {
        Path file = folder.resolve("cpa.yaml");
        if (Files.isRegularFile(file)) {
          reasons.put(folder.getFileName().toString(), Hosting.needsItsOwnPod(read(file)));
        }
      }
    }

    assertThat(reasons.get("getting-started")).isEmpty();
    assertThat(reasons.get("horizontal-pod-autoscaler")).isEmpty();
    assertThat(reasons.get("per-pod")).isEmpty();
    assertThat(reasons.get("post-scale-hook"))
        .containsExactly(
            "spec.template container post-scale-hook mounts volume history at /history, which is"
                + " not a ConfigMap; a host reads only ConfigMaps");
    assertThat(reasons.get("scale-on-tweet"))
        .containsExactly(
            "spec.template container scale-on-tweet takes variable X_BEARER_TOKEN from a reference"
                + " (valueFrom); a hosted CPA's variables are plain values");
  }

  @Test
  void aGoCpaUsersOwnImageNeedsItsOwnPod() throws IOException {
    CustomPodAutoscaler upstream = read(UPSTREAM.resolve("python-custom-autoscaler/cpa.yaml"));

    assertThat(Hosting.needsItsOwnPod(upstream))
        .singleElement()
        .asString()
        .contains("runs image python-custom-autoscaler:latest")
        .endsWith(
            "a host has the runtimes of cpa-autoscaler, cpa-autoscaler-python,"
                + " cpa-horizontal-pod-autoscaler only");
  }

  @Test
  void everyReasonIsListedAtOnce() {
    CustomPodAutoscaler cpa =
        CustomPodAutoscaler.of(
            "busy", new ScaleTargetReference("apps/v1", "Deployment", "web"), "other:1");
    cpa.getSpec()
        .setTemplate(
            new PodTemplateSpecBuilder()
                .withNewSpec()
                .addToInitContainers(new ContainerBuilder().withName("init").build())
                .addToContainers(
                    new ContainerBuilder()
                        .withName("autoscaler")
                        .withImage("registry.example.com:5000/team/cpa-autoscaler:0.1.0")
                        .withCommand("sh", "-c", "java -jar /opt/cpa/cpa-autoscaler.jar")
                        .addToEnv(
                            new EnvVarBuilder()
                                .withName("TOKEN")
                                .withNewValueFrom()
                                .withNewSecretKeyRef("token", "api", false)
                                .endValueFrom()
                                .build())
                        .addNewEnvFrom()
                        .withNewConfigMapRef("settings", false)
                        .endEnvFrom()
                        .addNewVolumeMount()
                        .withName("scratch")
                        .withMountPath("/tmp/scratch")
                        .endVolumeMount()
                        .build())
                .addToVolumes(
                    new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build())
                .endSpec()
                .build());

    assertThat(Hosting.needsItsOwnPod(cpa))
        .containsExactly(
            "spec.template has init containers, which only a pod of its own runs",
            "spec.template container autoscaler sets its own command or arguments",
            "spec.template container autoscaler takes variable TOKEN from a reference (valueFrom);"
                + " a hosted CPA's variables are plain values",
            "spec.template container autoscaler takes variables from envFrom; a hosted CPA's"
                + " variables are plain values",
            "spec.template container autoscaler mounts volume scratch at /tmp/scratch, which is"
                + " not a ConfigMap; a host reads only ConfigMaps");
  }

  @Test
  void ourImagesAreKnownWhateverTheirRegistryTagOrDigest() {
    assertThat(HostedImage.of("cpa-autoscaler-python:0.1.0")).contains(HostedImage.PYTHON);
    assertThat(HostedImage.of("registry.example.com:5000/cpa-autoscaler"))
        .contains(HostedImage.AUTOSCALER);
    assertThat(HostedImage.of("ghcr.io/team/cpa-horizontal-pod-autoscaler@sha256:abc"))
        .contains(HostedImage.HORIZONTAL_POD_AUTOSCALER);
    assertThat(HostedImage.of("cpa-autoscaler-pythonic:1")).isEmpty();
    assertThat(HostedImage.of("registry.example.com:5000/other")).isEmpty();
  }

  private static CustomPodAutoscaler read(Path file) throws IOException {
    return Serialization.unmarshal(Files.readString(file), CustomPodAutoscaler.class);
  }
}
