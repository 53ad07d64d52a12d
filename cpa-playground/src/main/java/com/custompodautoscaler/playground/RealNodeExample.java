package com.custompodautoscaler.playground;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.LastRun;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An example on the real node, with real pods: the operator installed from {@code
 * deploy/install/cluster-wide.yaml}, the example's {@code cpa.yaml} with its logic in a ConfigMap
 * and the playground's environment as {@code config} entries, and its target of hello pods, whose
 * labels the steps set. For examples whose steps only set labels on a Deployment.
 */
final class RealNodeExample {

  private static final String NAMESPACE = "default";
  private static final Set<String> NOT_LOGIC = Set.of("README.md", "cpa.yaml", "playground.yaml");
  private static final Duration POLL = Duration.ofSeconds(1);

  /** Three minutes of polls for the operator to start: its image is imported, not pulled. */
  private static final int OPERATOR_READY_POLLS = 180;

  private final KubernetesClient client;
  private final ExampleScript script;
  private final String cpaName;
  private final Console console;

  private RealNodeExample(
      KubernetesClient client, ExampleScript script, String cpaName, Console console) {
    this.client = client;
    this.script = script;
    this.cpaName = cpaName;
    this.console = console;
  }

  /** Whether {@code script}'s example runs on the real node: label steps on a Deployment. */
  static boolean runsOnTheRealNode(ExampleScript script, Path folder) {
    return script.target().kind().equals("Deployment")
        && Files.isRegularFile(folder.resolve("cpa.yaml"))
        && script.steps().stream()
            .allMatch(
                step ->
                    step.podLoad() == null && step.cpuLoad() == null && step.standInPhase() == null)
        && script.podEndpointPort().isEmpty()
        && script.standInServer().isEmpty()
        && script.podMetricsSpec().isEmpty();
  }

  /**
   * Installs the operator and the example in {@code folder} on the node of {@code client}, whose
   * admin kubeconfig, which the user is told to use, is {@code kubeconfig}.
   */
  static RealNodeExample start(
      KubernetesClient client,
      Path kubeconfig,
      Path projectRoot,
      Path folder,
      ExampleScript script,
      Console console)
      throws IOException, InterruptedException {
    console.info("Installing the operator from deploy/install/cluster-wide.yaml...");
    try (InputStream manifests =
        Files.newInputStream(projectRoot.resolve("deploy/install/cluster-wide.yaml"))) {
      client.load(manifests).forceConflicts().serverSideApply();
    }
    awaitReady(client, "cpa-system", "cpa-operator");
    CustomPodAutoscaler cpa =
        Serialization.unmarshal(
            Files.readString(folder.resolve("cpa.yaml")), CustomPodAutoscaler.class);
    script
        .environment()
        .forEach((key, value) -> cpa.getSpec().getConfig().add(new ConfigEntry(key, value)));
    client
        .resource(
            HelloWorkload.deployment(
                script.target().name(), script.target().labels(), script.target().replicas()))
        .inNamespace(NAMESPACE)
        .create();
    client.resource(logic(cpa, folder)).inNamespace(NAMESPACE).create();
    client.resource(cpa).inNamespace(NAMESPACE).create();
    console.info("  kubectl --kubeconfig " + kubeconfig + " get cpa,deployments,pods");
    return new RealNodeExample(client, script, cpa.getMetadata().getName(), console);
  }

  /** Plays the steps, again and again, printing each run the autoscaler reports. */
  void playForever() throws InterruptedException {
    LastRun reported = null;
    while (true) {
      for (ExampleScript.Step step : script.steps()) {
        reported = watch(Duration.ofSeconds(step.after()), reported);
        console.event(step.say());
        setLabels(step.labels());
        while (readyReplicas() != step.expect()) {
          reported = watch(POLL, reported);
        }
        console.event(step.expect() + " pods running and ready");
      }
    }
  }

  /** Prints the runs the CPA reports for {@code duration}; returns the last one. */
  private LastRun watch(Duration duration, LastRun reported) throws InterruptedException {
    long until = System.nanoTime() + duration.toNanos();
    LastRun last = reported;
    do {
      CustomPodAutoscaler cpa =
          client
              .resources(CustomPodAutoscaler.class)
              .inNamespace(NAMESPACE)
              .withName(cpaName)
              .get();
      LastRun run = cpa == null || cpa.getStatus() == null ? null : cpa.getStatus().getLastRun();
      if (run != null && (last == null || !Objects.equals(run.getTime(), last.getTime()))) {
        console.event(describe(run, cpa.getStatus().getCurrentReplicas()));
        last = run;
      }
      Thread.sleep(POLL.toMillis());
    } while (System.nanoTime() < until);
    return last;
  }

  private static String describe(LastRun run, Integer current) {
    if (!"success".equals(run.getOutcome())) {
      return "run failed: " + run.getMessage();
    }
    return String.format(
        "run: current %s, evaluated %s, decided %s (%s)",
        current, run.getEvaluation(), run.getDecidedReplicas(), run.getReason());
  }

  private void setLabels(Map<String, String> labels) {
    if (!labels.isEmpty()) {
      HelloWorkload.setLabels(client, NAMESPACE, script.target().name(), labels);
    }
  }

  private int readyReplicas() {
    Deployment target =
        client.apps().deployments().inNamespace(NAMESPACE).withName(script.target().name()).get();
    return target.getStatus() == null || target.getStatus().getReadyReplicas() == null
        ? 0
        : target.getStatus().getReadyReplicas();
  }

  /** The ConfigMap the CPA mounts, holding the example's logic and configuration files. */
  private static ConfigMap logic(CustomPodAutoscaler cpa, Path folder) throws IOException {
    String name =
        cpa.getSpec().getTemplate().getSpec().getVolumes().stream()
            .map(Volume::getConfigMap)
            .filter(Objects::nonNull)
            .findFirst()
            .orElseThrow(() -> new IOException(folder + "/cpa.yaml mounts no ConfigMap"))
            .getName();
    Map<String, String> files = new HashMap<>();
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path file : entries.filter(Files::isRegularFile).toList()) {
        if (!NOT_LOGIC.contains(file.getFileName().toString())) {
          files.put(file.getFileName().toString(), Files.readString(file));
        }
      }
    }
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withData(files)
        .build();
  }

  private static void awaitReady(KubernetesClient client, String namespace, String name)
      throws InterruptedException {
    for (int polls = 0; polls < OPERATOR_READY_POLLS; polls++) {
      Deployment deployment =
          client.apps().deployments().inNamespace(namespace).withName(name).get();
      if (HelloWorkload.readyReplicas(deployment) > 0) {
        return;
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(namespace + "/" + name + " was not ready within 3 minutes");
  }
}
