package com.custompodautoscaler.bench;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.operator.model.RoleBindingFactory;
import com.custompodautoscaler.operator.model.RoleFactory;
import com.custompodautoscaler.operator.model.ServiceAccountFactory;
import com.custompodautoscaler.operator.model.TargetResource;
import com.custompodautoscaler.playground.CustomResourceDefinitions;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the host benchmarks share: hosted CPAs of the HPA logic in-process, each with a Deployment,
 * a pod and its metrics (served by the API server itself, as the playground does), and its
 * ServiceAccount, Role and RoleBinding as the operator makes them, 100 to a namespace; host
 * replicas started as their pods start them; their Prometheus metrics read.
 */
final class HostedCpaFixture {

  static final String HOST_NAMESPACE = "bench-host";
  static final String FLAGS = "-XX:+UseSerialGC -XX:MaxRAM=1g -XX:MaxRAMPercentage=75 -Xss256k";
  private static final int PER_NAMESPACE = 100;
  private static final Pattern SERIES = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$");

  private HostedCpaFixture() {}

  /** Installs the CRDs the CPAs and their pods' metrics need, and the host's namespace. */
  static void prepare(KubernetesClient client) throws IOException {
    CustomResourceDefinitions.install(
        client, Path.of("deploy/crd/custompodautoscaler.yaml"), "cpa-bench");
    try (InputStream podMetrics =
        CustomResourceDefinitions.class.getResourceAsStream("/playground/pod-metrics-crd.yaml")) {
      CustomResourceDefinitions.install(client, podMetrics, "cpa-bench");
    }
    namespace(client, HOST_NAMESPACE);
  }

  /**
   * Starts host replica {@code replica} from {@code jar} with {@link #FLAGS}, its files under the
   * work folder, {@code env} added to what its pod would have.
   */
  static JvmProcess launchHost(
      BenchContext context, Path jar, String replica, Map<String, String> env) throws IOException {
    int port = JvmProcess.freePort();
    Map<String, String> all = new TreeMap<>(env);
    all.put("KUBECONFIG", context.plane().kubeconfig().toString());
    all.put("POD_NAME", replica);
    all.put("POD_NAMESPACE", HOST_NAMESPACE);
    all.put("CPA_HOST_PORT", String.valueOf(port));
    all.put("CPA_HOST_FILES", context.workDir().resolve(replica + "-files").toString());
    return JvmProcess.launch(
        replica, jar, FLAGS, List.of(), all, port, context.workDir().resolve(replica + ".log"));
  }

  /**
   * Creates what CPAs {@code first} to {@code end - 1} need, 8 at a time, their logic {@code
   * logic}.
   */
  static void createAll(KubernetesClient client, int first, int end, Logic logic) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> made = new ArrayList<>();
      for (int n = first / PER_NAMESPACE; n * PER_NAMESPACE < end; n++) {
        String namespace = "bench-hosted-" + n;
        if (client.namespaces().withName(namespace).get() == null) {
          namespace(client, namespace);
          client.resource(logic(logic)).inNamespace(namespace).create();
        }
      }
      for (int i = first; i < end; i++) {
        int index = i;
        made.add(
            pool.submit(
                () -> {
                  createOne(client, namespaceOf(index), index);
                  return null;
                }));
      }
      for (Future<?> future : made) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  static String namespaceOf(int index) {
    return "bench-hosted-" + index / PER_NAMESPACE;
  }

  private static void createOne(KubernetesClient client, String namespace, int index) {
    String web = "web-" + index;
    BenchTargets.addDeployment(client, namespace, web, 1);
    Pod pod =
        client
            .resource(
                BenchTargets.pod(web + "-0", web)
                    .editSpec()
                    .editFirstContainer()
                    .withNewResources()
                    .addToRequests("cpu", new Quantity("100m"))
                    .endResources()
                    .endContainer()
                    .endSpec()
                    .build())
            .inNamespace(namespace)
            .create();
    pod.setStatus(
        new io.fabric8.kubernetes.api.model.PodStatusBuilder()
            .withPhase("Running")
            .withStartTime(Instant.now().minusSeconds(600).toString())
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .withLastTransitionTime(Instant.now().minusSeconds(600).toString())
            .endCondition()
            .build());
    client.resource(pod).inNamespace(namespace).updateStatus();
    GenericKubernetesResource metrics = new GenericKubernetesResource();
    metrics.setApiVersion("metrics.k8s.io/v1beta1");
    metrics.setKind("PodMetrics");
    metrics.setMetadata(
        new ObjectMetaBuilder().withName(web + "-0").withLabels(Map.of("app", web)).build());
    metrics.setAdditionalProperty("timestamp", Instant.now().toString());
    metrics.setAdditionalProperty("window", "15s");
    metrics.setAdditionalProperty(
        "containers", List.of(Map.of("name", "app", "usage", Map.of("cpu", "40m"))));
    client.resource(metrics).inNamespace(namespace).create();

    CustomPodAutoscaler cpa =
        CustomPodAutoscaler.of(
            "cpa-" + index,
            new ScaleTargetReference("apps/v1", "Deployment", web),
            "cpa-autoscaler:0.1.0");
    cpa.getMetadata().setNamespace(namespace);
    cpa.getSpec().setHosted(true);
    cpa.getSpec().setRoleRequiresMetricsServer(true);
    cpa.getSpec()
        .setConfig(new ArrayList<>(List.of(new ConfigEntry("configPath", "/logic/config.yaml"))));
    var template = cpa.getSpec().getTemplate().getSpec();
    template
        .getContainers()
        .get(0)
        .getVolumeMounts()
        .add(new VolumeMountBuilder().withName("logic").withMountPath("/logic").build());
    template
        .getVolumes()
        .add(
            new VolumeBuilder()
                .withName("logic")
                .withNewConfigMap()
                .withName("hpa-logic")
                .endConfigMap()
                .build());
    CustomPodAutoscaler created = client.resource(cpa).create();
    client.resource(ServiceAccountFactory.serviceAccount(created)).inNamespace(namespace).create();
    client
        .resource(RoleFactory.role(created, new TargetResource("apps", "deployments")))
        .inNamespace(namespace)
        .create();
    client.resource(RoleBindingFactory.roleBinding(created)).inNamespace(namespace).create();
  }

  /** How the hosted CPAs' logic runs: the HPA's metric stage in-process, its evaluate stage so. */
  enum Logic {
    /** In-process, as the HPA image runs it. */
    JAVA("java", "  java: {className: com.custompodautoscaler.hpa.HpaLogic}"),
    /**
     * A Python worker per CPA, started once: the HPA's evaluate stage (the highest replica count
     * the metric stage proposed) written in Python.
     */
    PYTHON_WORKER(
        "worker", "  worker: {entrypoint: python3, command: [/logic/evaluate_worker.py]}");

    private final String type;
    private final String method;

    Logic(String type, String method) {
      this.type = type;
      this.method = method;
    }
  }

  private static final String EVALUATE_WORKER =
      String.join(
          "\n",
          "import json",
          "import sys",
          "",
          "for line in sys.stdin:",
          "    proposed = json.loads(json.loads(line)['metrics'][0]['value'])",
          "    counts = [m['replicas'] for m in proposed['metrics'] if 'replicas' in m]",
          "    replicas = max(counts) if counts else proposed['specReplicas']",
          "    sys.stdout.write(json.dumps({'targetReplicas': replicas}) + '\\n')",
          "    sys.stdout.flush()",
          "");

  /**
   * The HPA's logic: CPU at 50% of requests, as the example's; the metric stage in-process, the
   * evaluate stage as {@code logic} says; runs every 15 s, with the HPA's 300 s downscale
   * stabilization, so that each CPA's status keeps a window.
   */
  private static io.fabric8.kubernetes.api.model.ConfigMap logic(Logic logic) {
    String config =
        String.join(
            "\n",
            "runMode: per-resource",
            "interval: 15000",
            "minReplicas: 1",
            "maxReplicas: 10",
            "downscaleStabilization: 300",
            "kubernetesMetricSpecs:",
            "  - type: Resource",
            "    resource:",
            "      name: cpu",
            "      target: {type: Utilization, averageUtilization: 50}",
            "metric:",
            "  type: java",
            "  timeout: 2000",
            "  java: {className: com.custompodautoscaler.hpa.HpaLogic}",
            "evaluate:",
            "  type: " + logic.type,
            // A worker's first call waits for its start, which takes long when many start at once.
            "  timeout: 10000",
            logic.method,
            "");
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("hpa-logic")
        .endMetadata()
        .addToData("config.yaml", config)
        .addToData("evaluate_worker.py", EVALUATE_WORKER)
        .build();
  }

  static void namespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  /** How many CPAs have a count of runs on the host's metrics. */
  static long cpasThatRan(JvmProcess host) throws Exception {
    return series(host.body("/metrics"), "cpa_runs_total").keySet().stream()
        .map(labels -> labels.replaceAll(".*cpa=\"([^\"]*)\".*namespace=\"([^\"]*)\".*", "$2/$1"))
        .distinct()
        .count();
  }

  /** The series of metric {@code name} in Prometheus text: their labels and values. */
  static Map<String, Double> series(String text, String name) {
    Map<String, Double> found = new TreeMap<>();
    for (String line : text.split("\n")) {
      Matcher matcher = SERIES.matcher(line);
      if (matcher.matches() && matcher.group(1).equals(name)) {
        found.put(matcher.group(2), Double.parseDouble(matcher.group(3)));
      }
    }
    return found;
  }
}
