package com.custompodautoscaler.playground;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in an example needs in place of a service on the internet (such as the X API for
 * scale-on-tweet): the example's own command, run in its folder on a free loopback port, which the
 * playground then steers through its phases with {@code PUT /standin/phase}.
 */
final class StandInServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final int port;

  private StandInServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code standIn}'s command in {@code folder} and waits until it accepts connections. */
  static StandInServer start(ExampleScript.StandIn standIn, Path folder) throws IOException {
    int port = LocalMachine.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(LocalMachine.inOwnSession(standIn.command()))
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.putAll(standIn.environment());
    env.put(standIn.portVariable(), Integer.toString(port));
    StandInServer server = new StandInServer(builder.start(), port);
    try {
      server.awaitListening(standIn);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The stand-in's base URL, {@code http://127.0.0.1:<port>}. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Moves the stand-in to {@code phase}. */
  void choosePhase(String phase) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url() + "/standin/phase"))
                .timeout(Duration.ofSeconds(5))
                .PUT(HttpRequest.BodyPublishers.ofString(phase))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "the stand-in refused phase '"
              + phase
              + "': "
              + response.statusCode()
              + " "
              + response.body());
    }
  }

  private void awaitListening(ExampleScript.StandIn standIn) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "the stand-in " + standIn.command() + " exited with status " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleepBriefly();
      }
    }
    throw new IOException(
        "the stand-in " + standIn.command() + " did not listen on port " + port + " in time");
  }

  private static void sleepBriefly() throws IOException {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the stand-in", e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
