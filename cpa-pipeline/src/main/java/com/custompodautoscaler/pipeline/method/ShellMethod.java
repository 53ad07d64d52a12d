package com.custompodautoscaler.pipeline.method;

import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.pipeline.config.ShellMethodConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a program with the stage document on stdin and returns its stdout verbatim, as CPA v2's
 * shell method does. Unlike CPA v2, the command runs in a session of its own, so a timeout, an
 * overflow or the command's exit ends everything it started; stdout and stderr are capped; and a
 * failure message carries the exit status and the tail of stderr.
 */
public final class ShellMethod implements MethodRunner {

  private static final Logger log = LoggerFactory.getLogger(ShellMethod.class);
  private static final int STDERR_TAIL_CHARS = 1000;
  private static final long OUTPUT_END_MILLIS = 50;
  private static final long OUTPUT_DRAIN_MILLIS = 5000;

  private final String stage;
  private final ShellMethodConfig config;
  private final ProcessSessions sessions;
  private final Executor io;
  private final int maxOutputBytes;

  public ShellMethod(
      String stage,
      ShellMethodConfig config,
      ProcessSessions sessions,
      Executor io,
      int maxOutputBytes) {
    this.stage = stage;
    this.config = config;
    this.sessions = sessions;
    this.io = io;
    this.maxOutputBytes = maxOutputBytes;
  }

  @Override
  public String call(String document) {
    log.trace("running shell command for {}: {}", stage, config.describe());
    Process process = start();
    try {
      return awaitResult(process, document);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserLogicException(config.describe() + " was interrupted", e);
    } finally {
      if (process.isAlive()) {
        sessions.killSession(process);
      }
    }
  }

  private Process start() {
    Path program =
        sessions
            .executable(config.entrypoint())
            .orElseThrow(
                () ->
                    new UserLogicException(
                        "entrypoint '" + config.entrypoint() + "' not found or not executable"));
    List<String> command = new ArrayList<>();
    command.add(program.toString());
    command.addAll(config.command());
    try {
      return sessions.start(command);
    } catch (IOException e) {
      throw new UserLogicException(config.describe() + " could not start: " + e.getMessage(), e);
    }
  }

  private String awaitResult(Process process, String document) throws InterruptedException {
    long deadline = System.nanoTime() + config.timeout().toNanos();
    Runnable killOnOverflow = () -> sessions.killSession(process);
    OutputCapture stdout =
        OutputCapture.start(process.getInputStream(), maxOutputBytes, io, killOnOverflow);
    OutputCapture stderr =
        OutputCapture.start(process.getErrorStream(), maxOutputBytes, io, killOnOverflow);
    io.execute(() -> writeStdin(process, document));
    if (!process.waitFor(remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
      checkOverflow("stdout", stdout);
      checkOverflow("stderr", stderr);
      throw new UserLogicException(
          config.describe() + " timed out after " + config.timeout().toMillis() + " ms");
    }
    endLeftovers(process, stdout, stderr);
    checkOverflow("stdout", stdout);
    checkOverflow("stderr", stderr);
    int exitStatus = process.exitValue();
    if (exitStatus != 0) {
      String tail = stderr.tail(STDERR_TAIL_CHARS);
      throw new UserLogicException(
          "exit status " + exitStatus + (tail.isEmpty() ? "" : "; stderr: " + tail));
    }
    if (config.logStderr() && !stderr.text().isEmpty()) {
      log.info("stderr of the {} command:\n{}", stage, stderr.text());
    }
    return stdout.text();
  }

  /**
   * The call ends when the command exits, and so does whatever it left running. Usually its output
   * has ended with it, and its session is swept soon, in the background; a child still holding
   * stdout or stderr open is killed at once, so that it cannot keep the call waiting.
   */
  private void endLeftovers(Process process, OutputCapture stdout, OutputCapture stderr)
      throws InterruptedException {
    if (stdout.awaitEnd(OUTPUT_END_MILLIS) && stderr.awaitEnd(OUTPUT_END_MILLIS)) {
      sessions.sweepLater(process);
      return;
    }
    sessions.killSession(process);
    stdout.awaitEnd(OUTPUT_DRAIN_MILLIS);
    stderr.awaitEnd(OUTPUT_DRAIN_MILLIS);
  }

  private void checkOverflow(String streamName, OutputCapture capture) {
    if (capture.overflowed()) {
      throw new UserLogicException(
          config.describe()
              + " wrote more than "
              + maxOutputBytes
              + " bytes to "
              + streamName
              + " (maxOutputBytes)");
    }
  }

  /** Writes the document and closes stdin; a command that never reads stdin is not an error. */
  private static void writeStdin(Process process, String document) {
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(document.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.trace("stdin of the command was closed before the whole document was written", e);
    }
  }

  private static long remainingMillis(long deadlineNanos) {
    return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
  }
}
