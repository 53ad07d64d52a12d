package com.custompodautoscaler.autoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.autoscaler.testing.AutoscalerProcess;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a process, with a config file and a kubeconfig, against a real kube-apiserver;
 * Python user logic written to the CPA v2 contract scales targets up and down within the bounds.
 */
class EndToEndIT {

  private static final ResourceDefinitionContext WIDGETS =
      new ResourceDefinitionContext.Builder()
          .withGroup(Workloads.WIDGET_GROUP)
          .withVersion("v1")
          .withPlural("widgets")
          .withKind("Widget")
          .withNamespaced(true)
          .build();

  @TempDir static Path scripts;
  @TempDir Path dir;

  private static KubernetesClient admin;
  private static String namespace;
  private static Path kubeconfig;

  @BeforeAll
  static void setUp() throws IOException {
    admin = SharedKubeApiServer.adminClient();
    namespace = SharedKubeApiServer.freshNamespace(admin, "e2e");
    Workloads.installWidgetDefinition(admin);
    kubeconfig = scripts.resolve("kubeconfig.yaml");
    Files.writeString(kubeconfig, SharedKubeApiServer.kubeconfigYaml());
    for (String script :
        new String[] {
          "label_metric.py",
          "label_evaluate.py",
          "pod_metric.py",
          "pod_metric_worker.py",
          "pod_evaluate.py"
        }) {
      try (InputStream in = EndToEndIT.class.getResourceAsStream("/e2e/" + script)) {
        Files.copy(in, scripts.resolve(script));
      }
    }
  }

  @AfterAll
  static void tearDown() {
    admin.close();
  }

  @Test
  void scalesADeploymentUpAndDownWithinTheBounds() throws Exception {
    admin.resource(labelled(Workloads.deployment("web", 1), "3")).inNamespace(namespace).create();
    IntSupplier replicas = () -> deploymentNamed("web").getSpec().getReplicas();

    try (AutoscalerProcess autoscaler = startPerResource("apps/v1", "Deployment", "web")) {
      awaitReplicas(replicas, 3, autoscaler);
      relabel(deploymentNamed("web"), "9");
      awaitReplicas(replicas, 5, autoscaler);
      relabel(deploymentNamed("web"), "0");
      awaitReplicas(replicas, 1, autoscaler);

      assertThat(autoscaler.logs())
          .contains("reason=lowered_to_max")
          .contains("reason=raised_to_min");
      assertThat(autoscaler.terminate()).as("exit status after SIGTERM").isZero();
    }
  }

  @Test
  void scalesAStatefulSetUpAndDownWithinTheBounds() throws Exception {
    admin.resource(labelled(Workloads.statefulSet("db", 2), "4")).inNamespace(namespace).create();
    IntSupplier replicas =
        () ->
            admin
                .apps()
                .statefulSets()
                .inNamespace(namespace)
                .withName("db")
                .get()
                .getSpec()
                .getReplicas();

    try (AutoscalerProcess autoscaler = startPerResource("apps/v1", "StatefulSet", "db")) {
      awaitReplicas(replicas, 4, autoscaler);
      relabel(admin.apps().statefulSets().inNamespace(namespace).withName("db").get(), "12");
      awaitReplicas(replicas, 5, autoscaler);
      relabel(admin.apps().statefulSets().inNamespace(namespace).withName("db").get(), "2");
      awaitReplicas(replicas, 2, autoscaler);
    }
  }

  @Test
  void scalesACustomResourceWithAScaleSubresourceUpAndDownWithinTheBounds() throws Exception {
    admin.resource(labelled(Workloads.widget("gadget", 1), "5")).inNamespace(namespace).create();
    IntSupplier replicas = () -> ((Number) widget("gadget").get("spec", "replicas")).intValue();

    try (AutoscalerProcess autoscaler =
        startPerResource(Workloads.WIDGET_API_VERSION, "Widget", "gadget")) {
      awaitReplicas(replicas, 5, autoscaler);
      relabel(widget("gadget"), "7");
      awaitReplicas(replicas, 5, autoscaler);
      relabel(widget("gadget"), "2");
      awaitReplicas(replicas, 2, autoscaler);
    }
  }

  @Test
  void perPodLogicReadsEveryPodAndScalesUpAndDown() throws Exception {
    admin.resource(Workloads.deployment("shop", 1)).inNamespace(namespace).create();
    admin
        .resource(Workloads.pod("shop-a", Map.of("app", "shop"), Map.of("load", "2")))
        .inNamespace(namespace)
        .create();
    admin
        .resource(Workloads.pod("shop-b", Map.of("app", "shop"), Map.of("load", "2")))
        .inNamespace(namespace)
        .create();
    IntSupplier replicas = () -> deploymentNamed("shop").getSpec().getReplicas();
    String config =
        target("apps/v1", "Deployment", "shop")
            + "runMode: per-pod\n"
            + method("metric", "pod_metric.py")
            + method("evaluate", "pod_evaluate.py");

    try (AutoscalerProcess autoscaler =
        AutoscalerProcess.start(dir, config, kubeconfig).awaitReady()) {
      awaitReplicas(replicas, 4, autoscaler);
      admin
          .pods()
          .inNamespace(namespace)
          .withName("shop-b")
          .edit(
              pod -> {
                pod.getMetadata().getAnnotations().put("load", "0");
                return pod;
              });
      awaitReplicas(replicas, 2, autoscaler);

      HttpResponse<String> metrics = autoscaler.get("/api/v1/metrics?dry_run=true");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("{\"resource\":\"shop-a\",\"value\":\"{\\\"load\\\": 2}\"}")
          .contains("{\"resource\":\"shop-b\",\"value\":\"{\\\"load\\\": 0}\"}");
    }
  }

  /**
   * The same per-pod logic with its metric as a worker through the Python helper (cpa_worker, on
   * PYTHONPATH as the Python image has it): two processes started once serve every pod of every
   * run.
   */
  @Test
  void aPythonWorkerServesEveryPodOfEveryRunFromProcessesStartedOnce() throws Exception {
    admin.resource(Workloads.deployment("queue", 1)).inNamespace(namespace).create();
    for (String pod : new String[] {"queue-a", "queue-b", "queue-c"}) {
      admin
          .resource(Workloads.pod(pod, Map.of("app", "queue"), Map.of("load", "1")))
          .inNamespace(namespace)
          .create();
    }
    IntSupplier replicas = () -> deploymentNamed("queue").getSpec().getReplicas();
    Path config =
        Files.writeString(
            dir.resolve("config.yaml"),
            target("apps/v1", "Deployment", "queue")
                + "runMode: per-pod\n"
                + "metric: {type: worker, timeout: 5000, worker: {entrypoint: python3, command: ["
                + scripts.resolve("pod_metric_worker.py")
                + "], processes: 2}}\n"
                + method("evaluate", "pod_evaluate.py"));
    Map<String, String> env =
        Map.of("PYTHONPATH", ProjectFiles.resolve("deploy/python").toString());

    try (AutoscalerProcess autoscaler =
        AutoscalerProcess.start(dir, config, kubeconfig, env).awaitReady()) {
      awaitReplicas(replicas, 3, autoscaler);
      admin
          .pods()
          .inNamespace(namespace)
          .withName("queue-c")
          .edit(
              pod -> {
                pod.getMetadata().getAnnotations().put("load", "4");
                return pod;
              });
      awaitReplicas(replicas, 6, autoscaler);

      HttpResponse<String> metrics = autoscaler.get("/api/v1/metrics?dry_run=true");
      HttpResponse<String> again = autoscaler.get("/api/v1/metrics?dry_run=true");
      Set<String> pids = workerPids(metrics.body());
      pids.addAll(workerPids(again.body()));
      assertThat(metrics.body()).contains("\"resource\":\"queue-c\",\"value\":\"{\\\"load\\\": 4");
      assertThat(pids).as("every pod of two runs answered by two workers").hasSizeBetween(1, 2);
      assertThat(autoscaler.terminate()).isZero();
    }
  }

  private static Set<String> workerPids(String metrics) {
    Set<String> pids = new HashSet<>();
    Matcher worker = Pattern.compile("worker\\\\\": (\\d+)").matcher(metrics);
    while (worker.find()) {
      pids.add(worker.group(1));
    }
    return pids;
  }

  @Test
  void aBadEvaluationFailsTheRunScalesNothingAndTheProcessKeepsRunning() throws Exception {
    admin
        .resource(labelled(Workloads.deployment("fragile", 2), "broken"))
        .inNamespace(namespace)
        .create();
    IntSupplier replicas = () -> deploymentNamed("fragile").getSpec().getReplicas();

    try (AutoscalerProcess autoscaler = startPerResource("apps/v1", "Deployment", "fragile")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> countOf(autoscaler.logs(), "targetReplicas is missing") >= 2);

      assertThat(autoscaler.isAlive()).isTrue();
      assertThat(replicas.getAsInt()).isEqualTo(2);
      assertThat(autoscaler.logs())
          .contains("run failed type=scaler target=Deployment/" + namespace + "/fragile");

      relabel(deploymentNamed("fragile"), "3");
      awaitReplicas(replicas, 3, autoscaler);
    }
  }

  @Test
  void theRestApiAnswersAsTheContractSays() throws Exception {
    admin.resource(labelled(Workloads.deployment("api", 2), "4")).inNamespace(namespace).create();

    try (AutoscalerProcess autoscaler = startPerResource("apps/v1", "Deployment", "api")) {
      HttpResponse<String> metrics = autoscaler.get("/api/v1/metrics");
      HttpResponse<String> dryRun = autoscaler.post("/api/v1/evaluation?dry_run=true");
      HttpResponse<String> evaluation = autoscaler.post("/api/v1/evaluation");
      HttpResponse<String> badRequest = autoscaler.get("/api/v1/metrics?dry_run=maybe");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).isEqualTo("[{\"resource\":\"api\",\"value\":\"4\"}]");
      assertThat(metrics.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(dryRun.body()).isEqualTo("{\"targetReplicas\":4}");
      assertThat(evaluation.body()).isEqualTo("{\"targetReplicas\":4}");
      assertThat(badRequest.statusCode()).isEqualTo(400);
      assertThat(autoscaler.get("/healthz").body()).isEqualTo("ok\n");
      assertThat(autoscaler.get("/metrics").body())
          .contains("cpa_runs_total{outcome=\"success\",run_type=\"api\"}");
      assertThat(deploymentNamed("api").getSpec().getReplicas()).isEqualTo(4);
    }
  }

  @Test
  void theHealthPortAnswersProbesWithTheRestApiOff() throws Exception {
    admin
        .resource(labelled(Workloads.deployment("probed", 1), "2"))
        .inNamespace(namespace)
        .create();
    String config =
        target("apps/v1", "Deployment", "probed")
            + "runMode: per-resource\n"
            + "apiConfig: {enabled: false}\n"
            + method("metric", "label_metric.py")
            + method("evaluate", "label_evaluate.py");

    try (AutoscalerProcess autoscaler =
        AutoscalerProcess.start(dir, config, kubeconfig).awaitReadyOnTheHealthPort()) {
      awaitReplicas(() -> deploymentNamed("probed").getSpec().getReplicas(), 2, autoscaler);

      assertThat(autoscaler.getFromTheHealthPort("/healthz").body()).isEqualTo("ok\n");
      assertThat(autoscaler.getFromTheHealthPort("/metrics").body())
          .contains("cpa_runs_total{outcome=\"success\",run_type=\"scaler\"}");
      assertThat(autoscaler.getFromTheHealthPort("/api/v1/metrics").statusCode()).isEqualTo(404);
      assertThatThrownBy(() -> autoscaler.get("/healthz"))
          .as("the REST API is off")
          .isInstanceOf(ConnectException.class);
      assertThat(autoscaler.logs())
          .contains("REST API disabled")
          .contains("health endpoints listening on http://0.0.0.0:");
    }
  }

  @Test
  void sigtermEndsARunningCommandTreeAfterTheGracePeriodAndExitsZero() throws Exception {
    admin.resource(Workloads.deployment("slow", 1)).inNamespace(namespace).create();
    Path pidFile = dir.resolve("metric.pid");
    String config =
        target("apps/v1", "Deployment", "slow")
            + "runMode: per-resource\n"
            + "metric: {type: shell, timeout: 120000, shell: {entrypoint: /bin/sh, command: [-c, 'sh -c \"sleep 300\" & echo $! > "
            + pidFile
            + "; wait']}}\n"
            + method("evaluate", "label_evaluate.py");

    try (AutoscalerProcess autoscaler =
        AutoscalerProcess.start(dir, config, kubeconfig).awaitReady()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
      long sleeper = Long.parseLong(Files.readString(pidFile).strip());

      int status = autoscaler.terminate();

      assertThat(status).as("exit status; log:\n%s", autoscaler.logs()).isZero();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () -> ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false),
              alive -> !alive);
      assertThat(autoscaler.logs())
          .contains("did not end within 5 s; ending its commands")
          .contains("stopped");
    }
  }

  @Test
  void anInvalidConfigStartsNothingAndExitsNonZero() throws Exception {
    try (AutoscalerProcess autoscaler =
        AutoscalerProcess.start(dir, "interval: 0\nminReplicas: 3\nmaxReplicas: 1\n", kubeconfig)) {
      int status = autoscaler.awaitExit();

      assertThat(status).isEqualTo(1);
      assertThat(autoscaler.logs())
          .contains("error   scaleTargetRef: missing")
          .contains("error   metric: missing")
          .contains("error   evaluate: missing")
          .contains("error   interval: must be a positive number of milliseconds, got 0")
          .contains("error   minReplicas: minReplicas 3 is greater than maxReplicas 1");
    }
  }

  private AutoscalerProcess startPerResource(String apiVersion, String kind, String name)
      throws IOException {
    String config =
        target(apiVersion, kind, name)
            + "runMode: per-resource\n"
            + "minReplicas: 1\n"
            + "maxReplicas: 5\n"
            + method("metric", "label_metric.py")
            + method("evaluate", "label_evaluate.py");
    return AutoscalerProcess.start(dir, config, kubeconfig).awaitReady();
  }

  private static String target(String apiVersion, String kind, String name) {
    return "scaleTargetRef: {apiVersion: "
        + apiVersion
        + ", kind: "
        + kind
        + ", name: "
        + name
        + "}\n"
        + "namespace: "
        + namespace
        + "\n"
        + "interval: 500\n";
  }

  private static String method(String stage, String script) {
    return stage
        + ": {type: shell, timeout: 5000, shell: {entrypoint: python3, command: ["
        + scripts.resolve(script)
        + "]}}\n";
  }

  private static HasMetadata labelled(HasMetadata object, String numPods) {
    object.getMetadata().setLabels(Map.of("numPods", numPods));
    return object;
  }

  private static void relabel(HasMetadata object, String numPods) {
    admin
        .resource(object)
        .inNamespace(namespace)
        .edit(
            edited -> {
              edited.getMetadata().getLabels().put("numPods", numPods);
              return edited;
            });
  }

  private static Deployment deploymentNamed(String name) {
    return admin.apps().deployments().inNamespace(namespace).withName(name).get();
  }

  private static GenericKubernetesResource widget(String name) {
    return admin.genericKubernetesResources(WIDGETS).inNamespace(namespace).withName(name).get();
  }

  private static void awaitReplicas(
      IntSupplier replicas, int expected, AutoscalerProcess autoscaler) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .failFast("the autoscaler exited:\n" + autoscaler.logs(), () -> !autoscaler.isAlive())
        .untilAsserted(
            () ->
                assertThat(replicas.getAsInt())
                    .as("replicas; log:\n%s", autoscaler.logs())
                    .isEqualTo(expected));
  }

  private static int countOf(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
