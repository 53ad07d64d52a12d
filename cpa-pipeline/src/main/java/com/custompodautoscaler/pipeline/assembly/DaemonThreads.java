package com.custompodautoscaler.pipeline.assembly;

import java.util.concurrent.ThreadFactory;

/** Threads that do not keep the process alive, named for thread dumps and log lines. */
public final class DaemonThreads {

  private DaemonThreads() {}

  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
