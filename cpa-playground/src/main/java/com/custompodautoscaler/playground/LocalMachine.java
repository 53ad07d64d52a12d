package com.custompodautoscaler.playground;

import com.custompodautoscaler.pipeline.method.Executables;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the playground asks of the machine it runs on: free ports, scratch folders, and stopping the
 * processes it started.
 */
final class LocalMachine {

  private static final Optional<Path> SETSID = Executables.find("setsid");

  private LocalMachine() {}

  /**
   * {@code command} (program first) to run in a session of its own, through {@code setsid} where
   * the machine has it. A terminal's Ctrl-C goes to the playground's whole process group; the
   * processes it starts in sessions of their own hear of it from the playground only, which stops
   * them in order (the autoscaler first, the control plane last), so none stops unexpectedly.
   */
  static List<String> inOwnSession(List<String> command) {
    return SETSID
        .map(
            setsid ->
                Stream.concat(Stream.of(setsid.toString(), "--wait"), command.stream()).toList())
        .orElse(command);
  }

  /**
   * Kills every process this one started, and theirs, that is still running: what a stop could not
   * reach in order, such as a process of a start the stop interrupted.
   */
  static void killLeftovers() {
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
  }

  /** A loopback port that was free a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Deletes {@code root} and everything in it, as far as it can: only scratch is left behind. */
  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Only a temporary folder is left behind.
    }
  }

  /**
   * Asks {@code process} to stop (SIGTERM), as Kubernetes asks a container, and kills it if it has
   * not stopped within {@code patience}.
   */
  static void stop(Process process, Duration patience) {
    process.destroy();
    try {
      if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
