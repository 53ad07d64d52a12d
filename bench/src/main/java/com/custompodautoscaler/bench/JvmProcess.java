package com.custompodautoscaler.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the project's jars started as a pod starts it, {@code java FLAGS -jar JAR ARGS}, with an
 * HTTP port to poll and {@code /proc} to read its memory from.
 */
final class JvmProcess {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;
  private final long launched;

  private JvmProcess(String name, Process process, int port, Path log, long launched) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
    this.launched = launched;
  }

  /**
   * Starts {@code jar} with JVM {@code flags} (space-separated; none when empty), {@code args} and
   * {@code env}; its HTTP server must listen on loopback {@code port}, which {@code args} or {@code
   * env} tell it. {@code name} says what it is in errors.
   */
  static JvmProcess launch(
      String name,
      Path jar,
      String flags,
      List<String> args,
      Map<String, String> env,
      int port,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!flags.isEmpty()) {
      command.addAll(List.of(flags.split(" ")));
    }
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    long launched = System.nanoTime();
    return new JvmProcess(name, builder.start(), port, log, launched);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Nanoseconds since launch. */
  long elapsedNanos() {
    return System.nanoTime() - launched;
  }

  /** Waits until {@code path} answers 200, polling every {@code poll}. */
  void awaitOk(String path, Duration poll) throws Exception {
    while (status(path) != 200) {
      failIfExited();
      Thread.sleep(poll.toMillis());
    }
  }

  /** The status of {@code GET path}, or -1 when nothing answers yet. */
  int status(String path) {
    try {
      return HTTP.send(request(path), BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  String body(String path) throws IOException, InterruptedException {
    return HTTP.send(request(path), BodyHandlers.ofString()).body();
  }

  /** A field of {@code /proc/PID/status}, such as VmRSS or VmHWM. */
  String memory(String field) throws IOException {
    return memoryOf(process.pid(), field);
  }

  private static String memoryOf(long pid, String field) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(line -> line.startsWith(field + ":"))
        .map(line -> line.substring(field.length() + 1).trim())
        .findFirst()
        .orElse("unknown");
  }

  /** How many processes this one started that still run (user commands, workers). */
  long descendants() {
    return process.descendants().count();
  }

  /** The VmRSS of the processes this one started, summed, in kB. */
  long descendantsResidentKb() {
    return process
        .descendants()
        .mapToLong(
            child -> {
              try {
                return Long.parseLong(memoryOf(child.pid(), "VmRSS").replace("kB", "").trim());
              } catch (IOException | NumberFormatException gone) {
                return 0;
              }
            })
        .sum();
  }

  void failIfExited() throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException("the " + name + " exited: " + Files.readString(log));
    }
  }

  /** Kills the process with SIGKILL, as a node that goes away or the OOM killer would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5))
        .build();
  }
}
