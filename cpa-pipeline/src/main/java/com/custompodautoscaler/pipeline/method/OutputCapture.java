package com.custompodautoscaler.pipeline.method;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Reads one output stream of a process in the background, keeping at most {@code limit} bytes. More
 * than that is an overflow: reading stops and {@code onOverflow} runs, so a runaway command costs
 * no memory beyond the limit.
 */
final class OutputCapture {

  private static final int CHUNK = 8192;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final int limit;
  private volatile boolean overflowed;

  private OutputCapture(int limit) {
    this.limit = limit;
  }

  static OutputCapture start(InputStream stream, int limit, Executor io, Runnable onOverflow) {
    OutputCapture capture = new OutputCapture(limit);
    io.execute(() -> capture.readAll(stream, onOverflow));
    return capture;
  }

  private void readAll(InputStream stream, Runnable onOverflow) {
    byte[] chunk = new byte[CHUNK];
    try (stream) {
      int read;
      while ((read = stream.read(chunk)) != -1) {
        if (bytes.size() + read > limit) {
          overflowed = true;
          onOverflow.run();
          return;
        }
        bytes.write(chunk, 0, read);
      }
    } catch (IOException e) {
      // The stream was closed under us because the process was killed; what was read stands.
    } finally {
      ended.countDown();
    }
  }

  /** Waits up to {@code millis} for the stream to end; true if it did. */
  boolean awaitEnd(long millis) throws InterruptedException {
    return ended.await(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  boolean overflowed() {
    return overflowed;
  }

  String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The last {@code maxChars} characters, trimmed, for error messages. */
  String tail(int maxChars) {
    String text = text().strip();
    return text.length() <= maxChars ? text : "..." + text.substring(text.length() - maxChars);
  }
}
