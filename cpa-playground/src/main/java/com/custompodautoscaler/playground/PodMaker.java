package com.custompodautoscaler.playground;

/**
 * What makes a playground target's pods run: the simulated workload controller, or the real
 * controllers with kubelets stood in for.
 */
interface PodMaker extends AutoCloseable {

  /** Starts making the pods run. */
  void start();

  @Override
  void close();
}
