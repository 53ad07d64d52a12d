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
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
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
 * The autoscaler host as a process, as its pod runs it, with {@code cpa.bench.hostedCpas} (2,000)
 * hosted CPAs of the HPA logic in-process, 15 s apart, each with a pod and its metrics (metrics
 * served by the API server itself, as the playground does): how long until every CPA has run, how
 * late runs start against their schedule (p50, p99, max), a new CPA's first run while the others
 * run, the API requests per run by verb and resource, and the host's resident memory.
 */
final class HostScaleBenchmark implements Bench {

  private static final int CPAS = Integer.getInteger("cpa.bench.hostedCpas", 2000);
  private static final int PER_NAMESPACE = 100;
  private static final Duration OBSERVE =
      Duration.ofSeconds(Integer.getInteger("cpa.bench.hostSeconds", 180));
  private static final String HOST_NAMESPACE = "bench-host";
  private static final Duration START_PATIENCE = Duration.ofMinutes(10);
  private static final String FLAGS =
      "-XX:+UseSerialGC -XX:MaxRAM=1g -XX:MaxRAMPercentage=75 -Xss256k";
  private static final Pattern SERIES = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$");

  @Override
  public String name() {
    return "host-scale";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    Path jar = BenchContext.builtJar("cpa-host/target/cpa-host.jar");
    KubernetesClient client = context.plane().client();
    CustomResourceDefinitions.install(
        client, Path.of("deploy/crd/custompodautoscaler.yaml"), "cpa-bench");
    try (InputStream podMetrics =
        CustomResourceDefinitions.class.getResourceAsStream("/playground/pod-metrics-crd.yaml")) {
      CustomResourceDefinitions.install(client, podMetrics, "cpa-bench");
    }
    namespace(client, HOST_NAMESPACE);
    long setUp = System.nanoTime();
    createAll(client, 0, CPAS);
    out.printf(
        "created %d hosted CPAs with their Deployments, pods, pod metrics, ServiceAccounts, Roles"
            + " and RoleBindings in %.1f s%n",
        CPAS, (System.nanoTime() - setUp) / 1e9);

    int port = JvmProcess.freePort();
    JvmProcess host =
        JvmProcess.launch(
            "host",
            jar,
            FLAGS,
            List.of(),
            Map.of(
                "KUBECONFIG", context.plane().kubeconfig().toString(),
                "POD_NAME", "host-0",
                "POD_NAMESPACE", HOST_NAMESPACE,
                "CPA_HOST_PORT", String.valueOf(port),
                "CPA_HOST_FILES", context.workDir().resolve("host-files").toString()),
            port,
            context.workDir().resolve("host.log"));
    try {
      host.awaitOk("/healthz", Duration.ofMillis(50));
      long ran = 0;
      while (ran < CPAS && host.elapsedNanos() < START_PATIENCE.toNanos()) {
        host.failIfExited();
        Thread.sleep(500);
        ran = cpasThatRan(host);
      }
      out.printf(
          "JVM flags %s: %d of %d CPAs had run %.1f s after the host's launch%n",
          FLAGS, ran, CPAS, host.elapsedNanos() / 1e9);

      Instant newCpaCreated = Instant.now();
      createAll(client, CPAS, CPAS + 1);
      Duration firstRun = awaitFirstRun(client, namespaceOf(CPAS), "cpa-" + CPAS, newCpaCreated);
      out.printf(
          "a new CPA, created while %d run: its first run %.1f s after its creation%n",
          CPAS, firstRun.toMillis() / 1e3);
      Map<String, Double> requestsBefore = apiRequests(client);
      double runsBefore = total(host, "cpa_runs_total");
      Thread.sleep(OBSERVE.toMillis());
      host.failIfExited();
      double runs = total(host, "cpa_runs_total") - runsBefore;
      double failed = total(host, "cpa_runs_total", "outcome=\"failure\"");
      Map<String, Double> requests = delta(requestsBefore, apiRequests(client));
      out.printf(
          "over %d s: %.0f runs (%.1f per second), %.0f failed in all%n",
          OBSERVE.toSeconds(), runs, runs / OBSERVE.toSeconds(), failed);
      out.printf(
          "lateness of a run's start against its schedule: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          1e3 * value(host, "cpa_host_run_lateness_seconds", "quantile=\"0.5\""),
          1e3 * value(host, "cpa_host_run_lateness_seconds", "quantile=\"0.99\""),
          1e3 * value(host, "cpa_host_run_lateness_seconds_max", ""));
      double all = requests.values().stream().mapToDouble(Double::doubleValue).sum();
      out.printf("API requests per run: %.2f in all%n", all / runs);
      requests.forEach(
          (key, count) -> {
            if (count / runs >= 0.01) {
              out.printf("  %-40s %.2f%n", key, count / runs);
            }
          });
      out.printf(
          "host resident memory: VmRSS %s, VmHWM %s%n", host.memory("VmRSS"), host.memory("VmHWM"));
    } finally {
      host.stop();
    }
  }

  /** Creates what CPAs {@code first} to {@code end - 1} need, 8 at a time. */
  private static void createAll(KubernetesClient client, int first, int end) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> made = new ArrayList<>();
      for (int n = first / PER_NAMESPACE; n * PER_NAMESPACE < end; n++) {
        String namespace = "bench-hosted-" + n;
        if (client.namespaces().withName(namespace).get() == null) {
          namespace(client, namespace);
          client.resource(logic()).inNamespace(namespace).create();
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

  private static String namespaceOf(int index) {
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

  /** The HPA's logic in-process: CPU at 50% of requests, as the example's; runs every 15 s. */
  private static io.fabric8.kubernetes.api.model.ConfigMap logic() {
    String config =
        String.join(
            "\n",
            "runMode: per-resource",
            "interval: 15000",
            "minReplicas: 1",
            "maxReplicas: 10",
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
            "  type: java",
            "  timeout: 2000",
            "  java: {className: com.custompodautoscaler.hpa.HpaLogic}",
            "");
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("hpa-logic")
        .endMetadata()
        .addToData("config.yaml", config)
        .build();
  }

  private static void namespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  private static Duration awaitFirstRun(
      KubernetesClient client, String namespace, String name, Instant created)
      throws InterruptedException {
    while (true) {
      CustomPodAutoscaler cpa =
          client.resources(CustomPodAutoscaler.class).inNamespace(namespace).withName(name).get();
      if (cpa.getStatus() != null && cpa.getStatus().getLastRun() != null) {
        return Duration.between(created, Instant.parse(cpa.getStatus().getLastRun().getTime()));
      }
      Thread.sleep(200);
    }
  }

  /** How many CPAs have a count of runs on the host's metrics. */
  private static long cpasThatRan(JvmProcess host) throws Exception {
    return series(host.body("/metrics"), "cpa_runs_total").keySet().stream()
        .map(labels -> labels.replaceAll(".*cpa=\"([^\"]*)\".*namespace=\"([^\"]*)\".*", "$2/$1"))
        .distinct()
        .count();
  }

  private static double total(JvmProcess host, String name) throws Exception {
    return total(host, name, "");
  }

  private static double total(JvmProcess host, String name, String having) throws Exception {
    return series(host.body("/metrics"), name).entrySet().stream()
        .filter(entry -> entry.getKey().contains(having))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  private static double value(JvmProcess host, String name, String having) throws Exception {
    String text = host.body("/metrics");
    for (String line : text.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        if (line.contains(having)) {
          return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return Double.NaN;
  }

  /** The API server's request counts, by verb and resource (with subresource). */
  private static Map<String, Double> apiRequests(KubernetesClient client) {
    String text = client.raw(client.getMasterUrl().toString() + "metrics");
    Map<String, Double> counts = new TreeMap<>();
    series(text, "apiserver_request_total")
        .forEach(
            (labels, count) -> {
              String verb = label(labels, "verb");
              String resource = label(labels, "resource");
              String subresource = label(labels, "subresource");
              String key = verb + " " + resource + (subresource.isEmpty() ? "" : "/" + subresource);
              counts.merge(key, count, Double::sum);
            });
    return counts;
  }

  private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> delta = new TreeMap<>();
    after.forEach((key, count) -> delta.put(key, count - before.getOrDefault(key, 0.0)));
    return delta;
  }

  private static String label(String labels, String name) {
    Matcher matcher = Pattern.compile("(?:^|,)" + name + "=\"([^\"]*)\"").matcher(labels);
    return matcher.find() ? matcher.group(1) : "";
  }

  /** The series of metric {@code name} in Prometheus text: their labels and values. */
  private static Map<String, Double> series(String text, String name) {
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
