package com.custompodautoscaler.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** What the method benchmarks share: the Python they run, the document, a bare spawn. */
final class BenchProcesses {

  private BenchProcesses() {}

  private static final int BLOCK = 50;
  private static final long PAUSE_MILLIS = 50;

  /**
   * Times each variant {@code calls} times, after {@code warmup} untimed calls each; the variants
   * take turns in blocks of 50 calls with a 50 ms pause between blocks, so that all see the same
   * machine and none is timed while another's background work still runs. Every call must echo
   * {@code document} (a trailing line break aside).
   */
  static List<Stats> inTurns(
      String document, int warmup, int calls, List<Callable<String>> variants) throws Exception {
    List<List<Long>> timings = new ArrayList<>();
    variants.forEach(variant -> timings.add(new ArrayList<>()));
    int rounds = (warmup + calls) / BLOCK;
    for (int round = 0; round < rounds; round++) {
      for (int v = 0; v < variants.size(); v++) {
        for (int i = 0; i < BLOCK; i++) {
          long started = System.nanoTime();
          String output = variants.get(v).call();
          long spent = System.nanoTime() - started;
          if (!output.stripTrailing().equals(document)) {
            throw new IllegalStateException("a call did not echo the document: " + output);
          }
          if (round >= warmup / BLOCK) {
            timings.get(v).add(spent);
          }
        }
        // Let any background work of one block end before the next block is timed.
        Thread.sleep(PAUSE_MILLIS);
      }
    }
    return timings.stream().map(Stats::ofNanos).toList();
  }

  /**
   * Debian's python3 binary when there is one: a version manager's shim would add its own start.
   */
  static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  /** Start the command, write the document, close stdin, read stdout to the end, wait. */
  static String bareSpawn(List<String> command, String document) throws Exception {
    Process process = new ProcessBuilder(command).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(document.getBytes(StandardCharsets.UTF_8));
    }
    String output;
    try (InputStream stdout = process.getInputStream()) {
      output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
    }
    process.waitFor();
    return output;
  }

  /** A metric-stage document for a Deployment, of the usual size. */
  static String metricDocument() {
    StringBuilder annotations = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      annotations
          .append("\"example.com/annotation-")
          .append(i)
          .append("\":\"value-")
          .append(i)
          .append("\",");
    }
    return "{\"resource\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{"
        + annotations
        + "\"deployment.kubernetes.io/revision\":\"1\"},\"labels\":{\"app\":\"web\",\"numPods\":\"3\"},"
        + "\"name\":\"web\",\"namespace\":\"default\",\"uid\":\"5b0c6a4e-1d2f-4c3b-9a8e-7f6d5c4b3a21\"},"
        + "\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":"
        + "{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"image\":\"example/web:1.0\",\"name\":\"web\","
        + "\"ports\":[{\"containerPort\":8080}],\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}}}]}}},"
        + "\"status\":{\"availableReplicas\":3,\"readyReplicas\":3,\"replicas\":3}},\"runType\":\"scaler\"}";
  }
}
