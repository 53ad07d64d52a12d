package com.custompodautoscaler.playground;

import com.custompodautoscaler.core.decision.HpaWithoutBehavior;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.playground.ControlledWorkload.PodStartup;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real HPA beside the playground's HPA as a CPA: the Kubernetes controller manager (its HPA,
 * Deployment and ReplicaSet controllers, with the configuration's interval, window and CPU periods
 * as its flags), a twin of the target in a namespace of its own fed the same CPU load, and the HPA
 * the configuration stands for, whose rescales are printed as they come.
 */
final class HpaComparison implements AutoCloseable {

  private final ControlledWorkload twin;
  private final StartedParts parts;

  private HpaComparison(ControlledWorkload twin, StartedParts parts) {
    this.twin = twin;
    this.parts = parts;
  }

  /**
   * The controller's flags that make an HPA decide with {@code config}'s settings; the downscale
   * stabilization flag matters to an HPA without a behavior only.
   */
  static RealHpaController.Settings settingsOf(AutoscalerConfig config) {
    Duration downscaleStabilization =
        config.rules() instanceof HpaWithoutBehavior rules
            ? rules.downscaleStabilization()
            : Duration.ZERO;
    return new RealHpaController.Settings(
        config.interval(),
        downscaleStabilization,
        config.kubernetesMetrics().cpuInitializationPeriod(),
        config.kubernetesMetrics().initialReadinessDelay());
  }

  /**
   * Starts the controller manager and, in namespace {@code namespace}, the twin of the script's
   * Deployment and the HPA standing for {@code config}.
   *
   * @throws IllegalArgumentException when no HPA can stand for {@code config}
   */
  static HpaComparison start(
      ControlPlane plane,
      AutoscalerConfig config,
      ExampleScript script,
      String namespace,
      Path workDir,
      Console console)
      throws IOException {
    String name = script.target().name();
    var hpa = HpaManifest.of(config, name, name);
    return StartedParts.closedOnFailure(
        parts -> {
          RealHpaController controller =
              parts.add(
                  RealHpaController.start(
                      plane.kubeconfig(),
                      workDir.resolve("kube-controller-manager.log"),
                      settingsOf(config)));
          ControlledWorkload twin =
              parts.add(
                  ControlledWorkload.start(
                      plane.client(),
                      namespace,
                      script.target(),
                      script.podMetricsSpec().orElseThrow().cpuRequest(),
                      PodStartup.immediate()));
          plane.client().resource(hpa).inNamespace(namespace).create();
          HpaDecisions decisions =
              new HpaDecisions(
                  plane.client(),
                  namespace,
                  name,
                  (from, to, reasons) ->
                      console.event(
                          String.format("real HPA: scaled %d -> %d  (%s)", from, to, reasons)));
          decisions.start();
          parts.add(decisions);
          console.info(
              "  the real HPA beside it: namespace "
                  + namespace
                  + ", kube-controller-manager log "
                  + controller.log());
          return new HpaComparison(twin, parts);
        });
  }

  void useCpu(String quantity) {
    twin.useCpu(quantity);
  }

  /** The twin's replicas, as the real HPA set them. */
  int replicas() {
    return twin.replicas();
  }

  @Override
  public void close() {
    parts.close();
  }
}
