package com.custompodautoscaler.playground;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the playground asks of the machine it runs on: free ports, scratch folders, and stopping the
 * processes it started.
 */
final class LocalMachine {

  private LocalMachine() {}

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
