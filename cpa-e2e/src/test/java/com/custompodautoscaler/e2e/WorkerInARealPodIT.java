package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.pipeline.testing.Kubectl;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.playground.HelloWorkload;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code examples/per-pod} as its README's "In a cluster" tells it: a metric stage of up to four
 * Python workers started once in the autoscaler's pod, each asking a queue worker's pod for its
 * load. The queue workers run the tests' hello image, which has the Python that {@code
 * python:3.12-slim} would bring.
 */
@Order(4)
@ExtendWith(InstalledOperator.class)
class WorkerInARealPodIT {

  private static final Path EXAMPLE = ProjectFiles.resolve("examples/per-pod");
  private static final String NAMESPACE = "per-pod";

  private final KubernetesClient admin = Cluster.admin();

  @Test
  void workersServeTheMetricStageAndTheReplicasFollowTheLoad() throws Exception {
    kubectl("create", "namespace", NAMESPACE);
    kubectl("-n", NAMESPACE, "create", "configmap", "queue-worker-app", "--from-file=app.py");
    Deployment workload =
        Serialization.unmarshal(
            Files.readString(EXAMPLE.resolve("workload.yaml")), Deployment.class);
    workload.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(HelloWorkload.IMAGE);
    admin.resource(workload).inNamespace(NAMESPACE).create();
    kubectl(
        "-n",
        NAMESPACE,
        "create",
        "configmap",
        "per-pod-logic",
        "--from-file=config.yaml",
        "--from-file=metric.py",
        "--from-file=metric_worker.py",
        "--from-file=evaluate.py");
    kubectl("-n", NAMESPACE, "apply", "-f", "cpa.yaml");
    Cluster.awaitReason(NAMESPACE, "per-pod", "Paused", "Running");
    await().atMost(Duration.ofMinutes(1)).until(() -> readyReplicas() == 1);

    // 45 queued items: 5 replicas, one per 10.
    kubectl(
        "-n",
        NAMESPACE,
        "exec",
        "deploy/queue-worker",
        "--",
        "python3",
        "-c",
        "import urllib.request as r; r.urlopen(r.Request('http://localhost:8080/load?value=45', method='POST'))");

    await().atMost(Duration.ofMinutes(2)).until(() -> readyReplicas() == 5);
    // Workers start at the first calls that need them, up to four, and are kept: the same
    // processes answer the runs that follow, 10 s apart.
    List<String> workers = workerPids();
    Thread.sleep(Duration.ofSeconds(25).toMillis());
    assertThat(workers)
        .as("workers in the autoscaler's pod")
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(4);
    assertThat(workerPids()).as("the same workers, two runs later").containsAll(workers);
  }

  /** The process ids of the metric workers in the autoscaler's pod. */
  private List<String> workerPids() throws Exception {
    String pids =
        kubectl(
            "-n",
            NAMESPACE,
            "exec",
            "deploy/per-pod",
            "--",
            "python3",
            "-c",
            "import os\n"
                + "print(' '.join(p for p in os.listdir('/proc') if p.isdigit()"
                + " and int(p) != os.getpid()"
                + " and 'metric_worker.py' in open('/proc/%s/cmdline' % p).read()))");
    return Stream.of(pids.strip().split("\\s+")).filter(pid -> !pid.isEmpty()).toList();
  }

  private int readyReplicas() {
    return HelloWorkload.readyReplicas(
        admin.apps().deployments().inNamespace(NAMESPACE).withName("queue-worker").get());
  }

  private static String kubectl(String... args) throws Exception {
    return Kubectl.runIn(EXAMPLE, Cluster.kubeconfig(), args);
  }
}
