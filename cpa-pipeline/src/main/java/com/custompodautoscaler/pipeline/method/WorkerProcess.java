package com.custompodautoscaler.pipeline.method;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One started worker: a process in a session of its own, the lines it writes to stdout, and the
 * tail of its stderr. A call writes one line and takes the next line that comes back; what comes
 * back is read in the background, so a call can wait for it with a deadline.
 */
final class WorkerProcess {

  private static final int STDERR_TAIL_CHARS = 1000;

  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<Output> output = new LinkedBlockingQueue<>();
  private final StringBuilder stderrTail = new StringBuilder();
  private final CountDownLatch stderrEnded = new CountDownLatch(1);

  /**
   * What the worker wrote to stdout: the whole lines one read found (more than one when it wrote
   * them together), too long a line, or the end of its stdout.
   */
  sealed interface Output {
    record Lines(List<String> lines) implements Output {}

    record Overflow() implements Output {}

    record Ended() implements Output {}
  }

  private WorkerProcess(Process process) {
    this.process = process;
    this.stdin = process.getOutputStream();
  }

  /**
   * Starts {@code command} in a session of its own; its stdout is split into lines of at most
   * {@code maxLineBytes}, and every line of its stderr goes to {@code stderrLines}.
   */
  static WorkerProcess start(
      ProcessSessions sessions,
      List<String> command,
      int maxLineBytes,
      Executor io,
      Consumer<String> stderrLines)
      throws IOException {
    WorkerProcess worker = new WorkerProcess(sessions.start(command));
    io.execute(() -> worker.readLines(maxLineBytes));
    io.execute(() -> worker.readStderr(stderrLines));
    return worker;
  }

  /** Writes {@code line} (which holds no line break) and a line break to the worker's stdin. */
  void send(String line) throws IOException {
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /** The next thing the worker wrote, or null if nothing came within {@code millis}. */
  Output next(long millis) throws InterruptedException {
    return output.poll(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  /** Whether the worker wrote something that no call has taken. */
  boolean hasUnreadOutput() {
    return !output.isEmpty();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit status, once it has exited; waits up to {@code millis} for it. */
  String exitStatus(long millis) throws InterruptedException {
    return process.waitFor(millis, TimeUnit.MILLISECONDS)
        ? String.valueOf(process.exitValue())
        : "unknown (still running)";
  }

  /**
   * The last characters the worker wrote to stderr, trimmed, for error messages. Of a worker that
   * has exited, all it wrote: waits up to {@code millis} for its stderr to be read to the end.
   */
  String stderrTail(long millis) throws InterruptedException {
    if (!process.isAlive()) {
      stderrEnded.await(millis, TimeUnit.MILLISECONDS);
    }
    synchronized (stderrTail) {
      return stderrTail.toString().strip();
    }
  }

  Process process() {
    return process;
  }

  private void readLines(int maxLineBytes) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try (InputStream stdout = process.getInputStream()) {
      byte[] chunk = new byte[8192];
      int read;
      while ((read = stdout.read(chunk)) != -1) {
        List<String> complete = new ArrayList<>();
        for (int i = 0; i < read; i++) {
          if (chunk[i] == '\n') {
            complete.add(line.toString(StandardCharsets.UTF_8));
            line.reset();
          } else if (line.size() >= maxLineBytes) {
            output.add(new Output.Overflow());
            return;
          } else {
            line.write(chunk[i]);
          }
        }
        if (!complete.isEmpty()) {
          // Lines that came together go together, so a call sees all of them at once.
          output.add(new Output.Lines(List.copyOf(complete)));
        }
      }
    } catch (IOException e) {
      // The process was killed and its stdout closed under us.
    }
    output.add(new Output.Ended());
  }

  /** Reads stderr line by line; a line longer than the tail keeps only its start. */
  private void readStderr(Consumer<String> stderrLines) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try (InputStream stderr = process.getErrorStream()) {
      byte[] chunk = new byte[8192];
      int read;
      while ((read = stderr.read(chunk)) != -1) {
        for (int i = 0; i < read; i++) {
          if (chunk[i] == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            remember(text);
            stderrLines.accept(text);
            line.reset();
          } else if (line.size() < STDERR_TAIL_CHARS) {
            line.write(chunk[i]);
          }
        }
      }
    } catch (IOException e) {
      // The process was killed and its stderr closed under us.
    }
    if (line.size() > 0) {
      remember(line.toString(StandardCharsets.UTF_8));
    }
    stderrEnded.countDown();
  }

  private void remember(String line) {
    synchronized (stderrTail) {
      stderrTail.append(line).append('\n');
      if (stderrTail.length() > STDERR_TAIL_CHARS) {
        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL_CHARS);
      }
    }
  }
}
