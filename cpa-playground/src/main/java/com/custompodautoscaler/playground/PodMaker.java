package com.custompodautoscaler.playground;

/**
 * What makes a playground target's pods run: the simulated workload controller, or the real
 * controllers with kubelets stood in for.
 */
interface PodMaker extends AutoCloseable {

  @Override
  void close();
}
