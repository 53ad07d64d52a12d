package com.custompodautoscaler.autoscaler.simulate;

import com.custompodautoscaler.api.wire.kubernetes.KubernetesMetric;
import com.custompodautoscaler.api.wire.kubernetes.PodMetricSample;
import com.custompodautoscaler.api.wire.kubernetes.PodSet;
import com.custompodautoscaler.api.wire.kubernetes.ResourceMetricValues;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.KubernetesObject;
import com.custompodautoscaler.core.port.ScaleClient;
import com.custompodautoscaler.core.port.ScaleState;
import com.custompodautoscaler.core.port.TargetReader;
import com.custompodautoscaler.pipeline.run.KubernetesMetricsSource;
import com.custompodautoscaler.pipeline.run.MetricFailure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target of a load simulation, in memory: a Deployment whose pods each request {@code podCpu}
 * millicores and share the load evenly once ready, {@code startup} after they are added. It serves
 * the autoscaler what a cluster would (its scale, its pods, the CPU metric of its pods, grouped as
 * the HPA groups them: pods still starting are left out as not ready) and takes its rescales: added
 * pods start, and a scale-down removes the newest pods first, those still starting before the ready
 * ones, as a ReplicaSet does.
 */
final class SimulatedWorkload implements ScaleClient, TargetReader, KubernetesMetricsSource {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SELECTOR = "app=simulated";
  private static final Duration METRIC_WINDOW = Duration.ofSeconds(30);

  /** A pod, ready from {@code readyAt} on. */
  private record Pod(String name, Instant readyAt) {}

  private final List<MetricSpec> specs;
  private final long podCpu;
  private final Duration startup;
  private final List<Pod> pods = new ArrayList<>();
  private int added;
  private Instant now = Instant.EPOCH;
  private long cpu;

  /**
   * @param specs the configuration's Kubernetes metric specs: each must be the CPU of the pods
   * @param replicas the pods there are at the start, all ready
   */
  SimulatedWorkload(List<MetricSpec> specs, long podCpu, Duration startup, int replicas) {
    this.specs = List.copyOf(specs);
    this.podCpu = podCpu;
    this.startup = startup;
    for (int i = 0; i < replicas; i++) {
      pods.add(new Pod(nextName(), Instant.EPOCH));
    }
  }

  /** Moves the workload to {@code instant}, asking for {@code millicores} of CPU. */
  void at(Instant instant, long millicores) {
    now = instant;
    cpu = millicores;
  }

  int replicas() {
    return pods.size();
  }

  int readyReplicas() {
    return (int) pods.stream().filter(this::ready).count();
  }

  /** When the next pod still starting becomes ready, if one is. */
  Instant nextReady() {
    return pods.stream()
        .map(Pod::readyAt)
        .filter(readyAt -> readyAt.isAfter(now))
        .min(Instant::compareTo)
        .orElse(Instant.MAX);
  }

  /** The pods the load needs: enough that none runs above its request. */
  long neededReplicas() {
    return podsFor(cpu, podCpu);
  }

  /** The pods of {@code podCpu} millicores that {@code millicores} of load needs. */
  static long podsFor(long millicores, long podCpu) {
    return (millicores + podCpu - 1) / podCpu;
  }

  long cpu() {
    return cpu;
  }

  private boolean ready(Pod pod) {
    return !pod.readyAt().isAfter(now);
  }

  private String nextName() {
    added++;
    return "simulated-" + added;
  }

  @Override
  public ScaleState readScale(TargetRef target, String namespace) {
    return new ScaleState(pods.size(), pods.size(), SELECTOR);
  }

  @Override
  public void setReplicas(TargetRef target, String namespace, int replicas) {
    while (pods.size() < replicas) {
      pods.add(new Pod(nextName(), now.plus(startup)));
    }
    while (pods.size() > replicas) {
      Pod newest = pods.stream().max((a, b) -> a.readyAt().compareTo(b.readyAt())).orElseThrow();
      pods.remove(newest);
    }
  }

  @Override
  public KubernetesObject readTarget(TargetRef target, String namespace) {
    ObjectNode deployment = JSON.createObjectNode();
    deployment.put("apiVersion", "apps/v1").put("kind", "Deployment");
    deployment.putObject("metadata").put("name", target.name()).put("namespace", namespace);
    deployment.putObject("spec").put("replicas", pods.size());
    deployment
        .putObject("status")
        .put("replicas", pods.size())
        .put("readyReplicas", readyReplicas());
    return new KubernetesObject(target.name(), deployment.toString());
  }

  @Override
  public List<KubernetesObject> listPods(String namespace, String selector) {
    List<KubernetesObject> listed = new ArrayList<>();
    for (Pod pod : pods) {
      ObjectNode json = JSON.createObjectNode();
      json.put("apiVersion", "v1").put("kind", "Pod");
      json.putObject("metadata").put("name", pod.name()).put("namespace", namespace);
      ObjectNode status = json.putObject("status");
      status.put("phase", ready(pod) ? "Running" : "Pending");
      status
          .putArray("conditions")
          .addObject()
          .put("type", "Ready")
          .put("status", ready(pod) ? "True" : "False");
      listed.add(new KubernetesObject(pod.name(), json.toString()));
    }
    return listed;
  }

  @Override
  public Gathered gather(ScaleState scale) {
    List<KubernetesMetric> metrics = new ArrayList<>();
    for (MetricSpec spec : specs) {
      metrics.add(KubernetesMetric.resource(pods.size(), pods.size(), spec, cpuOfPods()));
    }
    return new Gathered(metrics, List.<MetricFailure>of());
  }

  private ResourceMetricValues cpuOfPods() {
    String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
    int ready = readyReplicas();
    Map<String, PodMetricSample> samples = new LinkedHashMap<>();
    Map<String, Long> requests = new LinkedHashMap<>();
    List<String> starting = new ArrayList<>();
    for (Pod pod : pods) {
      requests.put(pod.name(), podCpu);
      if (ready(pod)) {
        samples.put(
            pod.name(), new PodMetricSample(timestamp, METRIC_WINDOW.toNanos(), cpu / ready));
      } else {
        starting.add(pod.name());
      }
    }
    return new ResourceMetricValues(
        samples,
        requests,
        ready,
        PodSet.of(starting),
        PodSet.of(List.of()),
        pods.size(),
        timestamp);
  }
}
