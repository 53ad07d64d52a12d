package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.autoscaler.testing.Kubectl;
import com.custompodautoscaler.autoscaler.testing.ProjectFiles;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/per-pod} as its README's "In a cluster" tells it: a metric stage of four Python
 * workers started once in the autoscaler's pod, each asking a queue worker's pod for its load. The
 * queue workers run the tests' hello image, which has the Python that {@code python:3.12-slim}
 * would bring.
 */
@Order(4)
class WorkerInARealPodIT {

  private static final Path EXAMPLE = ProjectFiles.resolve("examples/per-pod");
  private static final String NAMESPACE = "per-pod";

  private static KubernetesClient admin;

  @BeforeAll
  static void install() throws Exception {
    admin = Cluster.admin();
    Cluster.installOperator();
  }

  @Test
  void fourWorkersServeTheMetricStageAndTheReplicasFollowTheLoad() throws Exception {
    kubectl("create", "namespace", NAMESPACE);
    kubectl("-n", NAMESPACE, "create", "configmap", "queue-worker-app", "--from-file=app.py");
    Deployment workload =
        Serialization.unmarshal(
            Files.readString(EXAMPLE.resolve("workload.yaml")), Deployment.class);
    workload.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("hello:0.1.0");
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
    CpaStatus.awaitCondition(admin, NAMESPACE, "per-pod", "Paused", "Running");
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
    assertThat(
            kubectl(
                "-n",
                NAMESPACE,
                "exec",
                "deploy/per-pod",
                "--",
                "python3",
                "-c",
                "import os\n"
                    + "print(sum('metric_worker.py' in open('/proc/%s/cmdline' % p).read()"
                    + " for p in os.listdir('/proc') if p.isdigit() and int(p) != os.getpid()))"))
        .as("the workers the autoscaler started once, in its pod")
        .isEqualToIgnoringWhitespace("4");
  }

  private static int readyReplicas() {
    return Cluster.readyReplicas(
        admin.apps().deployments().inNamespace(NAMESPACE).withName("queue-worker").get());
  }

  private static String kubectl(String... args) throws Exception {
    return Kubectl.runIn(EXAMPLE, Cluster.kubeconfig(), args);
  }
}
