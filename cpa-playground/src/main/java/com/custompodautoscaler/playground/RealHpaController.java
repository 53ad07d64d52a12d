package com.custompodautoscaler.playground;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Kubernetes controller manager of the control plane's version, running only the controllers an
 * HPA needs (the HorizontalPodAutoscaler, Deployment and ReplicaSet controllers), with its HPA
 * flags set, no leader election and no serving port: the real HPA, to set beside the HPA as a CPA.
 */
final class RealHpaController implements AutoCloseable {

  static final String BINARY = "kube-controller-manager";
  private static final long STOP_SECONDS = 10;

  private final Process process;
  private final Path log;

  private RealHpaController(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** The controller manager's flags for the HPA, which apply to every HPA it reconciles. */
  record Settings(
      Duration syncPeriod,
      Duration downscaleStabilization,
      Duration cpuInitializationPeriod,
      Duration initialReadinessDelay) {}

  /** Starts it against the control plane of {@code kubeconfig}; it logs to {@code log}. */
  static RealHpaController start(Path kubeconfig, Path log, Settings settings) throws IOException {
    Path binary = KubeBinaries.directory().resolve(BINARY);
    if (!Files.isExecutable(binary)) {
      throw new IOException(
          binary + " is missing; scripts/ensure-kube-binaries.sh builds it from Debian's packages");
    }
    List<String> command =
        List.of(
            binary.toString(),
            "--kubeconfig=" + kubeconfig,
            "--controllers=horizontalpodautoscaling,deployment,replicaset",
            "--leader-elect=false",
            "--port=0",
            "--secure-port=0",
            "--horizontal-pod-autoscaler-sync-period=" + seconds(settings.syncPeriod()),
            "--horizontal-pod-autoscaler-downscale-stabilization="
                + seconds(settings.downscaleStabilization()),
            "--horizontal-pod-autoscaler-cpu-initialization-period="
                + seconds(settings.cpuInitializationPeriod()),
            "--horizontal-pod-autoscaler-initial-readiness-delay="
                + seconds(settings.initialReadinessDelay()),
            "--v=2");
    Process process =
        new ProcessBuilder(LocalMachine.inOwnSession(command))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new RealHpaController(process, log);
  }

  private static String seconds(Duration duration) {
    return duration.toSeconds() + "s";
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Where the controller manager writes its log. */
  Path log() {
    return log;
  }

  @Override
  public void close() {
    LocalMachine.stop(process, Duration.ofSeconds(STOP_SECONDS));
  }
}
