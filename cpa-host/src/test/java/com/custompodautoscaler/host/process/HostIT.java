package com.custompodautoscaler.host.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.Hosting;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.api.v1.StabilizationEntry;
import com.custompodautoscaler.core.shard.ShardKey;
import com.custompodautoscaler.operator.model.RoleBindingFactory;
import com.custompodautoscaler.operator.model.RoleFactory;
import com.custompodautoscaler.operator.model.ServiceAccountFactory;
import com.custompodautoscaler.operator.model.TargetResource;
import com.custompodautoscaler.pipeline.kubernetes.ServiceAccounts;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.pipeline.testing.Rbac;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autoscaler hosts on a real API server, running the getting-started example as hosted CPAs: each
 * with the ConfigMap of its logic, acting as its own ServiceAccount with the Role the operator
 * generates, with short timings (runs every second, leases of 4 s renewed every second).
 */
class HostIT {

  private static final int SHARDS = 2;
  private static final Duration LEASE = Duration.ofSeconds(4);
  private static final Path EXAMPLE = ProjectFiles.resolve("examples/getting-started");

  /**
   * The host image's files of the autoscaler images: {@code deploy/docker/host.Dockerfile} copies
   * the HPA image's configuration as {@code cpa-horizontal-pod-autoscaler/config.yaml}, whose class
   * path names the image's jar; here the HPA logic is on the test's class path.
   */
  private static final Path IMAGE_FILES = ProjectFiles.resolve("cpa-host/target/image-files");

  /** The host processes' ServiceAccount, which owns their Leases. */
  private static final String HOST_ACCOUNT = "test-host";

  private final KubernetesClient admin = SharedKubeApiServer.adminClient();
  private final List<Host> hosts = new ArrayList<>();
  private String namespace;
  @TempDir Path files;

  @BeforeAll
  static void definition() throws IOException {
    Path hpaImage = IMAGE_FILES.resolve("cpa-horizontal-pod-autoscaler");
    Files.createDirectories(hpaImage);
    Files.writeString(
        hpaImage.resolve("config.yaml"),
        Files.readString(
                ProjectFiles.resolve("deploy/docker/horizontal-pod-autoscaler/config.yaml"))
            .replace(
                "/opt/cpa/cpa-hpa.jar",
                ProjectFiles.resolve("cpa-hpa/target/cpa-hpa.jar").toString()));
    try (KubernetesClient client = SharedKubeApiServer.adminClient()) {
      Workloads.installDefinition(
          client, ProjectFiles.resolve("deploy/crd/custompodautoscaler.yaml"));
    }
  }

  @BeforeEach
  void namespace() {
    namespace = SharedKubeApiServer.freshNamespace(admin, "hosted");
  }

  @AfterEach
  void stop() {
    hosts.forEach(Host::close);
    admin.close();
  }

  @Test
  void aHostedCpaScalesItsTargetAsItsOwnAccountAndAnEditKeepsItsDecisionState() throws IOException {
    hostedExample("web", "logic", Map.of("downscaleStabilization", "120"));
    Host host = start("replica-a");

    awaitReplicas("web", 3);
    // The run that scaled writes its report, the window in it, once the scale is done.
    eventually(() -> assertThat(cpa("web").getStatus().getStabilizationWindow()).isNotEmpty());
    CustomPodAutoscaler cpa = cpa("web");
    assertThat(cpa.getStatus().getHostReplica()).isEqualTo("replica-a");
    assertThat(hosted(cpa)).extracting(Condition::getStatus).isEqualTo("True");
    String firstEntry = cpa.getStatus().getStabilizationWindow().get(0).getTime();

    admin
        .configMaps()
        .inNamespace(namespace)
        .withName("logic")
        .edit(
            configMap -> {
              configMap
                  .getData()
                  .put(
                      "config.yaml",
                      configMap
                          .getData()
                          .get("config.yaml")
                          .replace("minReplicas: 1", "minReplicas: 4"));
              return configMap;
            });

    awaitReplicas("web", 4);
    eventually(
        () ->
            assertThat(host.scrapeMetrics())
                .as("the restarted CPA's own metrics, not taken away with those of before")
                .contains("cpa_desired_replicas{cpa=\"web\",namespace=\"" + namespace + "\"} 4.0"));
    List<StabilizationEntry> window = cpa("web").getStatus().getStabilizationWindow();
    assertThat(window)
        .as("the window from before the edit, kept")
        .extracting(StabilizationEntry::getTime)
        .contains(firstEntry);
  }

  @Test
  void aCpaWhoseRoleMayNotScaleCannotScaleWhateverTheOthersMay() throws IOException {
    hostedExample("web", "logic", Map.of());
    hostedExample("other", "other-logic", Map.of());
    Role role = admin.rbac().roles().inNamespace(namespace).withName("other").get();
    role.getRules().removeIf(rule -> rule.getResources().contains("deployments/scale"));
    role.getRules().add(Rbac.rule("apps", "deployments/scale", "get"));
    role.getMetadata().setManagedFields(null);
    admin.resource(role).inNamespace(namespace).update();
    start("replica-a");

    awaitReplicas("web", 3);
    eventually(
        () ->
            assertThat(cpa("other").getStatus().getLastRun())
                .satisfies(
                    run -> {
                      assertThat(run.getOutcome()).isEqualTo("failure");
                      assertThat(run.getMessage())
                          .contains("403")
                          .contains(ServiceAccounts.user(namespace, "other"));
                    }));
    assertThat(deployment("other").getSpec().getReplicas()).isEqualTo(1);
    eventually(
        () ->
            assertThat(
                    admin.v1().events().inNamespace(namespace).list().getItems().stream()
                        .filter(event -> "other".equals(event.getInvolvedObject().getName()))
                        .mapToInt(event -> event.getCount()))
                .as("a repeated event counted, with the Role's create and patch on events")
                .anyMatch(count -> count >= 2));
  }

  @Test
  void hangingCrashingAndFloodingLogicDelayNoOtherCpa() throws IOException {
    hostedExample("web", "logic", Map.of());
    hostedExample("hangs", "hangs-logic", Map.of(), "import time\ntime.sleep(60)\n");
    hostedExample("crashes", "crashes-logic", Map.of(), "import sys\nsys.exit(3)\n");
    hostedExample(
        "floods", "floods-logic", Map.of(), "import sys\nsys.stdout.write('x' * 20000000)\n");
    Host host = start("replica-a");

    awaitReplicas("web", 3);
    for (String failing : List.of("hangs", "crashes", "floods")) {
      eventually(
          () ->
              assertThat(cpa(failing).getStatus().getLastRun().getOutcome()).isEqualTo("failure"));
    }
    setNumPods("web", 4);
    awaitReplicas("web", 4);
    String metrics = host.scrapeMetrics();
    assertThat(lateness(metrics, "web"))
        .as("the most the good CPA's runs started late, in seconds")
        .isLessThan(0.5);
    assertThat(cpa("hangs").getStatus().getLastRun().getMessage()).contains("timed out");
    assertThat(cpa("crashes").getStatus().getLastRun().getMessage()).contains("exit status 3");
    assertThat(cpa("floods").getStatus().getLastRun().getMessage()).contains("maxOutputBytes");
  }

  private static double lateness(String metrics, String cpa) {
    return metrics
        .lines()
        .filter(line -> line.startsWith("cpa_run_lateness_seconds_max{cpa=\"" + cpa + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aWorkerIsStartedOnceOnTheHostAndAnswersEveryRun() throws IOException {
    String worker =
        String.join(
            "\n",
            "import json",
            "import sys",
            "",
            "for line in sys.stdin:",
            "    value = json.loads(line)['metrics'][0]['value']",
            "    sys.stdout.write(json.dumps({'targetReplicas': int(value)}) + '\\n')",
            "    sys.stdout.flush()",
            "");
    hostedExample(
        "web",
        "logic",
        Map.of(
            "evaluate",
            "{\"type\": \"worker\", \"timeout\": 2500,"
                + " \"worker\": {\"entrypoint\": \"python3\", \"command\": [\"evaluate.py\"]}}"),
        worker);
    start("replica-a");

    awaitReplicas("web", 3);
    setNumPods("web", 4);
    awaitReplicas("web", 4);
    setNumPods("web", 2);
    awaitReplicas("web", 2);
    assertThat(
            ProcessHandle.current()
                .descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("evaluate.py")))
        .as("one worker for every run of the CPA")
        .hasSize(1);
  }

  @Test
  void aBadConfigurationStopsOnlyItsOwnCpaAndSaysWhy() throws IOException {
    hostedExample("web", "logic", Map.of());
    hostedExample("broken", "broken-logic", Map.of("interval", "soon"));
    start("replica-a");

    awaitReplicas("web", 3);
    eventually(
        () ->
            assertThat(hosted(cpa("broken")))
                .satisfies(
                    condition -> {
                      assertThat(condition.getStatus()).isEqualTo("False");
                      assertThat(condition.getReason()).isEqualTo("InvalidConfiguration");
                      assertThat(condition.getMessage()).contains("interval");
                    }));
    assertThat(deployment("broken").getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void aCpaWhoseConfigMapIsMissingRunsOnceItIsMade() throws IOException {
    hostedExample("web", "logic", Map.of());
    ConfigMap logic = admin.configMaps().inNamespace(namespace).withName("logic").get();
    admin.resource(logic).delete();
    start("replica-a");

    eventually(
        () ->
            assertThat(hosted(cpa("web")))
                .satisfies(
                    condition -> {
                      assertThat(condition.getReason()).isEqualTo("MissingConfigMap");
                      assertThat(condition.getMessage()).contains("logic");
                    }));
    logic.setMetadata(new ObjectMetaBuilder().withName("logic").withNamespace(namespace).build());
    admin.resource(logic).create();

    awaitReplicas("web", 3);
    assertThat(hosted(cpa("web")).getStatus()).isEqualTo("True");
  }

  @Test
  void twoReplicasShareTheCpasAndWhenOneLeavesTheOtherRunsThemAll() throws IOException {
    List<String> names = threePerShard();
    for (String name : names) {
      hostedExample(name, name + "-logic", Map.of());
    }
    Host a = start("replica-a");
    Host b = start("replica-b");

    await().atMost(Duration.ofSeconds(30)).until(() -> a.running() == 3 && b.running() == 3);
    for (String name : names) {
      awaitReplicas(name, 3);
    }
    assertThat(names)
        .extracting(name -> cpa(name).getStatus().getHostReplica())
        .containsOnly("replica-a", "replica-b");
    // One that stops without leaving: aReplicaFrozenPastItsLeaseWritesNothingWhenItWakes, and the
    // failover benchmark.
    hosts.remove(b);
    b.close();

    await().atMost(Duration.ofSeconds(5)).until(() -> a.running() == names.size());
    for (String name : names) {
      setNumPods(name, 2);
    }
    for (String name : names) {
      awaitReplicas(name, 2);
      assertThat(cpa(name).getStatus().getHostReplica()).isEqualTo("replica-a");
    }
  }

  @Test
  void aCpaOfTheHpaImageRunsWithTheImagesConfigurationAndItsMetricsEntry() throws IOException {
    admin.resource(Workloads.deployment("api", 1)).inNamespace(namespace).create();
    CustomPodAutoscaler cpa =
        CustomPodAutoscaler.of(
            "api",
            new ScaleTargetReference("apps/v1", "Deployment", "api"),
            "cpa-horizontal-pod-autoscaler:0.1.0");
    cpa.getMetadata().setNamespace(namespace);
    cpa.getSpec().setHosted(true);
    cpa.getSpec().getConfig().add(new ConfigEntry("interval", "1000"));
    cpa.getSpec()
        .getConfig()
        .add(
            new ConfigEntry(
                "metrics",
                "- type: Resource\n  resource:\n    name: cpu\n    target:\n"
                    + "      type: Utilization\n      averageUtilization: 50\n"));
    provision(admin.resource(cpa).create());
    start("replica-a");

    eventually(
        () -> {
          CustomPodAutoscaler running = cpa("api");
          assertThat(hosted(running).getReason()).isEqualTo("Running");
          assertThat(running.getStatus().getConditions())
              .as(
                  "the metrics entry read as kubernetesMetricSpecs: its CPU metric gathered, which"
                      + " the CPA's Role, without roleRequiresMetricsServer, does not allow")
              .anySatisfy(
                  condition -> {
                    assertThat(condition.getType()).isEqualTo("KubernetesMetricsAvailable");
                    assertThat(condition.getReason()).isEqualTo("Forbidden");
                    assertThat(condition.getMessage()).contains("pods.metrics.k8s.io");
                  });
        });
  }

  /**
   * Two host processes from the jar, as their pods run them, with leases of 6 s; one is frozen with
   * SIGSTOP until the other has taken its CPAs and scaled them, then woken with SIGCONT: the runs
   * it had under way, and any it starts before its first round, write nothing.
   */
  @Test
  void aReplicaFrozenPastItsLeaseWritesNothingWhenItWakes() throws Exception {
    List<String> names = threePerShard();
    for (String name : names) {
      hostedExample(name, name + "-logic", Map.of());
    }
    ServiceAccount account =
        admin
            .resource(
                new ServiceAccountBuilder()
                    .withNewMetadata()
                    .withName(HOST_ACCOUNT)
                    .endMetadata()
                    .build())
            .inNamespace(namespace)
            .create();
    Path kubeconfig =
        Files.writeString(files.resolve("kubeconfig"), SharedKubeApiServer.kubeconfigYaml());
    Process a = hostProcess("replica-a", kubeconfig);
    Process b = hostProcess("replica-b", kubeconfig);
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> hostReplicas(names).size() == 2);
      for (String name : names) {
        awaitReplicas(name, 3);
      }

      signal("STOP", a);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> hostReplicas(names).equals(Set.of("replica-b")));
      for (String name : names) {
        setNumPods(name, 2);
      }
      for (String name : names) {
        awaitReplicas(name, 2);
      }
      signal("CONT", a);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> Files.readString(files.resolve("replica-a.log")).contains("no longer holds"));

      assertThat(a.isAlive()).as("the woken replica goes on").isTrue();
      assertThat(admin.leases().inNamespace(namespace).list().getItems())
          .as("the host's Leases, owned by its ServiceAccount to go with it")
          .isNotEmpty()
          .allSatisfy(
              lease ->
                  assertThat(lease.getMetadata().getOwnerReferences())
                      .singleElement()
                      .satisfies(
                          owner ->
                              assertThat(owner.getUid())
                                  .isEqualTo(account.getMetadata().getUid())));
      for (String name : names) {
        assertThat(deployment(name).getSpec().getReplicas())
            .as("%s: nothing the woken replica decided before its freeze landed", name)
            .isEqualTo(2);
        assertThat(cpa(name).getStatus().getHostReplica()).isEqualTo("replica-b");
      }
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
      a.waitFor();
      b.waitFor();
    }
  }

  /** The replicas the status of CPAs {@code names} names, of those that name one. */
  private Set<String> hostReplicas(List<String> names) {
    return names.stream()
        .map(name -> cpa(name).getStatus())
        .filter(status -> status != null && status.getHostReplica() != null)
        .map(CustomPodAutoscalerStatus::getHostReplica)
        .collect(Collectors.toSet());
  }

  /** The host jar as replica {@code replica} of this test's host, its output in a log file. */
  private Process hostProcess(String replica, Path kubeconfig) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ProjectFiles.resolve("cpa-host/target/cpa-host.jar").toString())
            .redirectErrorStream(true)
            .redirectOutput(files.resolve(replica + ".log").toFile());
    builder
        .environment()
        .putAll(
            Map.of(
                "KUBECONFIG",
                kubeconfig.toString(),
                "POD_NAME",
                replica,
                "POD_NAMESPACE",
                namespace,
                "CPA_HOST_NAME",
                "test-host",
                "CPA_HOST_SHARDS",
                String.valueOf(SHARDS),
                "CPA_HOST_LEASE_SECONDS",
                "6",
                "CPA_HOST_WATCH_NAMESPACE",
                namespace,
                "CPA_HOST_FILES",
                files.resolve(replica).toString(),
                "CPA_HOST_IMAGE_FILES",
                IMAGE_FILES.toString(),
                "CPA_HOST_PORT",
                String.valueOf(port)));
    builder.environment().put("CPA_HOST_SERVICE_ACCOUNT", HOST_ACCOUNT);
    return builder.start();
  }

  private static void signal(String name, Process process) throws Exception {
    assertThat(
            new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor())
        .isZero();
  }

  /** Names of six CPAs, three in each of the two shards. */
  private List<String> threePerShard() {
    List<String> names = new ArrayList<>();
    int[] perShard = new int[SHARDS];
    for (int i = 0; names.size() < 6; i++) {
      String name = "cpa-" + i;
      int shard = ShardKey.of(namespace, name, SHARDS);
      if (perShard[shard] < 3) {
        perShard[shard]++;
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The getting-started example for Deployment {@code name} (numPods 3, 1 replica), as hosted CPA
   * {@code name} with its logic in ConfigMap {@code configMap}, its runs every second and {@code
   * config} added; its ServiceAccount, Role and RoleBinding as the operator makes them.
   */
  private void hostedExample(String name, String configMap, Map<String, String> config)
      throws IOException {
    hostedExample(name, configMap, config, Files.readString(EXAMPLE.resolve("evaluate.py")));
  }

  /** As the other, with {@code evaluate} as its evaluate.py. */
  private void hostedExample(
      String name, String configMap, Map<String, String> config, String evaluate)
      throws IOException {
    Deployment target = (Deployment) Workloads.deployment(name, 1);
    target.getMetadata().setLabels(Map.of("numPods", "3"));
    admin.resource(target).inNamespace(namespace).create();
    admin
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(configMap)
                .endMetadata()
                .addToData("config.yaml", Files.readString(EXAMPLE.resolve("config.yaml")))
                .addToData("metric.py", Files.readString(EXAMPLE.resolve("metric.py")))
                .addToData("evaluate.py", evaluate)
                .build())
        .inNamespace(namespace)
        .create();
    CustomPodAutoscaler cpa =
        Serialization.unmarshal(
            Files.readString(EXAMPLE.resolve("cpa.yaml")), CustomPodAutoscaler.class);
    cpa.getMetadata().setName(name);
    cpa.getMetadata().setNamespace(namespace);
    cpa.getSpec().setHosted(true);
    cpa.getSpec().getScaleTargetRef().setName(name);
    cpa.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().setName(configMap);
    cpa.getSpec().getConfig().add(new ConfigEntry("interval", "1000"));
    config.forEach((key, value) -> cpa.getSpec().getConfig().add(new ConfigEntry(key, value)));
    provision(admin.resource(cpa).create());
  }

  /** The ServiceAccount, Role and RoleBinding the operator makes for {@code cpa}. */
  private void provision(CustomPodAutoscaler cpa) {
    admin.resource(ServiceAccountFactory.serviceAccount(cpa)).inNamespace(namespace).create();
    admin
        .resource(RoleFactory.role(cpa, new TargetResource("apps", "deployments")))
        .inNamespace(namespace)
        .create();
    admin.resource(RoleBindingFactory.roleBinding(cpa)).inNamespace(namespace).create();
  }

  private Host start(String replica) {
    Host host =
        Host.start(
            admin,
            new Host.Settings(
                namespace,
                "test-host",
                replica,
                SHARDS,
                LEASE,
                Duration.ofSeconds(1),
                Duration.ofMillis(500),
                files.resolve(replica),
                IMAGE_FILES,
                Optional.of(namespace),
                Optional.empty(),
                16),
            Clock.systemUTC());
    hosts.add(host);
    return host;
  }

  private static void eventually(ThrowingRunnable assertion) {
    await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(assertion);
  }

  private void awaitReplicas(String name, int replicas) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> deployment(name).getSpec().getReplicas() == replicas);
  }

  private void setNumPods(String name, int numPods) {
    admin
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .edit(
            deployment -> {
              deployment.getMetadata().getLabels().put("numPods", String.valueOf(numPods));
              return deployment;
            });
  }

  private Deployment deployment(String name) {
    return admin.apps().deployments().inNamespace(namespace).withName(name).get();
  }

  private CustomPodAutoscaler cpa(String name) {
    return admin.resources(CustomPodAutoscaler.class).inNamespace(namespace).withName(name).get();
  }

  private static Condition hosted(CustomPodAutoscaler cpa) {
    return Hosting.condition(cpa).orElse(null);
  }
}
