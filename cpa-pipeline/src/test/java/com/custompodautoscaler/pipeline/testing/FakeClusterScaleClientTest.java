package com.custompodautoscaler.pipeline.testing;

import com.custompodautoscaler.core.model.TargetRef;

/** The fake the run's tests scale, held to the contract the Kubernetes adapter keeps. */
class FakeClusterScaleClientTest extends ScaleClientContract {

  private static final String NAMESPACE = "test";

  @Override
  protected Target deployment(String name, int replicas) {
    return new Target(
        new FakeCluster(name, replicas).withSelector("app=" + name), ref(name), NAMESPACE);
  }

  @Override
  protected Target missingDeployment(String name) {
    return new Target(FakeCluster.withoutTarget(name), ref(name), NAMESPACE);
  }

  private static TargetRef ref(String name) {
    return new TargetRef("apps/v1", "Deployment", name);
  }
}
