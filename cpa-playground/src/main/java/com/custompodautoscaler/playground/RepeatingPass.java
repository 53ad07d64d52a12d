package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the control plane, repeated by a daemon thread every period until closed, as a
 * controller's loop would be; a pass the API server fails is tried again at the next period.
 */
final class RepeatingPass implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RepeatingPass.class);
  private static final long STOP_MILLIS = 5000;

  private final Duration period;
  private final Runnable pass;
  private final Thread thread;
  private volatile boolean running = true;

  RepeatingPass(String name, Duration period, Runnable pass) {
    this.period = period;
    this.pass = pass;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void loop() {
    while (running) {
      try {
        pass.run();
      } catch (KubernetesClientException e) {
        log.debug("{} will try again: {}", thread.getName(), e.getMessage());
      }
      try {
        Thread.sleep(period.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops the loop and waits a moment for a pass under way, so none outlives the client. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(STOP_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
