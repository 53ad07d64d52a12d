package com.custompodautoscaler.pipeline.method;

/** Told when a worker is ended and replaced, for metrics. */
public interface WorkerObserver {

  /**
   * The worker of {@code stage} was ended for {@code reason} ({@code timeout}, {@code exited},
   * {@code overflow} or {@code extra_output}); the next call starts another.
   */
  void workerReplaced(String stage, String reason);
}
