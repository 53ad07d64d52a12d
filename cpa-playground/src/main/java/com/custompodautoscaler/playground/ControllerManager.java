package com.custompodautoscaler.playground;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes controller manager of the control plane's version, running only the controllers
 * asked for, with no leader election and no serving port, as a process in a session of its own.
 */
public final class ControllerManager implements AutoCloseable {

  static final String BINARY = "kube-controller-manager";
  private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

  private final Process process;
  private final Path log;

  private ControllerManager(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the {@code controllers} (such as {@code garbagecollector}) against the control plane of
   * {@code kubeconfig}, with the extra {@code flags}; it logs to {@code log}.
   */
  public static ControllerManager start(
      Path kubeconfig, Path log, List<String> controllers, List<String> flags) throws IOException {
    Path binary = KubeBinaries.directory().resolve(BINARY);
    if (!Files.isExecutable(binary)) {
      throw new IOException(
          binary + " is missing; scripts/ensure-kube-binaries.sh builds it from Debian's packages");
    }
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--controllers=" + String.join(",", controllers));
    command.add("--leader-elect=false");
    command.add("--port=0");
    command.add("--secure-port=0");
    command.addAll(flags);
    command.add("--v=2");
    Process process =
        new ProcessBuilder(LocalMachine.inOwnSession(command))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new ControllerManager(process, log);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Where the controller manager writes its log. */
  public Path log() {
    return log;
  }

  @Override
  public void close() {
    LocalMachine.stop(process, STOP_PATIENCE);
  }
}
