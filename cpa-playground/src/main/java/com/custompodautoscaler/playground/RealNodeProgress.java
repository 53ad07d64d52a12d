package com.custompodautoscaler.playground;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts the real node for the playground, printing its scripts' progress as it comes. */
final class RealNodeProgress {

  private static final long FOLLOW_MILLIS = 500;

  private RealNodeProgress() {}

  static RealNode start(Path projectRoot, Console console)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("cpa-real-node", ".log");
    Thread follower = new Thread(() -> follow(log, console), "real-node-progress");
    follower.setDaemon(true);
    follower.start();
    try {
      return RealNode.start(projectRoot, log, List.of());
    } finally {
      follower.interrupt();
      follower.join(FOLLOW_MILLIS * 2);
    }
  }

  /** Prints the lines added to {@code log} until interrupted, and those left then. */
  private static void follow(Path log, Console console) {
    try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      boolean interrupted = false;
      while (true) {
        String line = lines.readLine();
        if (line != null) {
          console.info("  " + line);
        } else if (interrupted) {
          return;
        } else {
          try {
            Thread.sleep(FOLLOW_MILLIS);
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
    } catch (IOException e) {
      console.info("  (progress unavailable: " + e.getMessage() + ")");
    }
  }
}
