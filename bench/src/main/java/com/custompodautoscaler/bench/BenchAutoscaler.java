package com.custompodautoscaler.bench;

import com.custompodautoscaler.core.port.UserLogic;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.kubernetes.KubernetesConnection;
import com.custompodautoscaler.pipeline.kubernetes.KubernetesMetricsGatherer;
import com.custompodautoscaler.pipeline.kubernetes.KubernetesTargetClient;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;

/** An in-process autoscaler on the benchmark's control plane, with its own Kubernetes client. */
final class BenchAutoscaler implements AutoCloseable {

  private final KubernetesClient client;
  private final Autoscaler autoscaler;

  BenchAutoscaler(BenchContext context, AutoscalerConfig config, UserLogic logic)
      throws IOException {
    this.client =
        KubernetesConnection.fromKubeconfig(Files.readString(context.plane().kubeconfig()));
    KubernetesTargetClient kubernetes = new KubernetesTargetClient(client);
    this.autoscaler =
        new Autoscaler(
            config,
            kubernetes,
            kubernetes,
            KubernetesMetricsGatherer.of(client, config, Clock.systemUTC()),
            logic,
            Clock.systemUTC(),
            report -> {});
  }

  Autoscaler autoscaler() {
    return autoscaler;
  }

  @Override
  public void close() {
    autoscaler.close();
    client.close();
  }
}
