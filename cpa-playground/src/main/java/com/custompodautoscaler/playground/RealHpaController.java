package com.custompodautoscaler.playground;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The controller manager running only the controllers an HPA needs (the HorizontalPodAutoscaler,
 * Deployment and ReplicaSet controllers), with its HPA flags set: the real HPA, to set beside the
 * HPA as a CPA.
 */
final class RealHpaController implements AutoCloseable {

  private final ControllerManager manager;

  private RealHpaController(ControllerManager manager) {
    this.manager = manager;
  }

  /** The controller manager's flags for the HPA, which apply to every HPA it reconciles. */
  record Settings(
      Duration syncPeriod,
      Duration downscaleStabilization,
      Duration cpuInitializationPeriod,
      Duration initialReadinessDelay) {}

  /** Starts it against the control plane of {@code kubeconfig}; it logs to {@code log}. */
  static RealHpaController start(Path kubeconfig, Path log, Settings settings) throws IOException {
    return new RealHpaController(
        ControllerManager.start(
            kubeconfig,
            log,
            List.of("horizontalpodautoscaling", "deployment", "replicaset"),
            List.of(
                "--horizontal-pod-autoscaler-sync-period=" + seconds(settings.syncPeriod()),
                "--horizontal-pod-autoscaler-downscale-stabilization="
                    + seconds(settings.downscaleStabilization()),
                "--horizontal-pod-autoscaler-cpu-initialization-period="
                    + seconds(settings.cpuInitializationPeriod()),
                "--horizontal-pod-autoscaler-initial-readiness-delay="
                    + seconds(settings.initialReadinessDelay()))));
  }

  private static String seconds(Duration duration) {
    return duration.toSeconds() + "s";
  }

  boolean isAlive() {
    return manager.isAlive();
  }

  /** Where the controller manager writes its log. */
  Path log() {
    return manager.log();
  }

  @Override
  public void close() {
    manager.close();
  }
}
