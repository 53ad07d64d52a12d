package com.custompodautoscaler.bench;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.playground.CustomResourceDefinitions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator jar as a process, as its pod runs it, with {@value #CPAS} CustomPodAutoscalers in
 * {@value #NAMESPACES} namespaces: time from launch until it has reconciled each of them, then
 * resident memory (VmRSS, and the peak VmHWM) once it has settled; for the JVM's defaults and for
 * the flags of the operator image (from its Dockerfile), both in a container limited to 256 MiB
 * (the chart's default), which {@code -XX:MaxRAM} stands in for.
 */
final class OperatorMemoryBenchmark implements Bench {

  private static final int CPAS = 300;
  private static final int NAMESPACES = 30;
  private static final int STARTS = 3;
  private static final Duration SETTLE = Duration.ofSeconds(15);
  private static final String CONTAINER_LIMIT = "-XX:MaxRAM=256m";
  private static final Pattern RECONCILES =
      Pattern.compile("cpa_operator_reconciles_total\\{outcome=\"(?:ready|not_ready)\"} (\\S+)");

  @Override
  public String name() {
    return "operator-memory";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    Path jar = BenchContext.builtJar("cpa-operator/target/cpa-operator.jar");
    KubernetesClient client = context.plane().client();
    CustomResourceDefinitions.install(
        client, Path.of("deploy/crd/custompodautoscaler.yaml"), "cpa-bench");
    for (int n = 0; n < NAMESPACES; n++) {
      String namespace = "bench-operator-" + n;
      BenchTargets.createDeployment(client, namespace, "web", 1);
      for (int i = 0; i < CPAS / NAMESPACES; i++) {
        CustomPodAutoscaler cpa =
            CustomPodAutoscaler.of(
                "cpa-" + i,
                new ScaleTargetReference("apps/v1", "Deployment", "web"),
                "bench.invalid/autoscaler:1");
        client.resource(cpa).inNamespace(namespace).create();
      }
    }
    String imageFlags = ImageFlags.of("operator.Dockerfile") + " " + CONTAINER_LIMIT;
    out.printf(
        "first start, which provisions 4 objects for each of %d CPAs: %.2f s%n",
        CPAS, reconcileAll(context, jar, imageFlags, false, out) / 1e9);
    for (String flags : List.of(CONTAINER_LIMIT, imageFlags)) {
      out.println("JVM flags: " + flags);
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < STARTS; i++) {
        times.add(reconcileAll(context, jar, flags, i == STARTS - 1, out));
      }
      out.println("  start to all " + CPAS + " reconciled: " + Stats.ofNanos(times).describe());
    }
  }

  /** Starts the operator, waits until it has reconciled every CPA, returns how long that took. */
  private static long reconcileAll(
      BenchContext context, Path jar, String flags, boolean measureMemory, PrintStream out)
      throws Exception {
    int port = JvmProcess.freePort();
    JvmProcess operator =
        JvmProcess.launch(
            "operator",
            jar,
            flags,
            List.of(),
            Map.of(
                "KUBECONFIG",
                context.plane().kubeconfig().toString(),
                "HEALTH_PORT",
                String.valueOf(port)),
            port,
            context.workDir().resolve("operator.log"));
    try {
      operator.awaitOk("/healthz", Duration.ofMillis(10));
      while (reconciles(operator) < CPAS) {
        operator.failIfExited();
        Thread.sleep(20);
      }
      long elapsed = operator.elapsedNanos();
      if (measureMemory) {
        Thread.sleep(SETTLE.toMillis());
        operator.failIfExited();
        out.printf(
            "  %s after settling: VmRSS %s, VmHWM %s%n",
            SETTLE, operator.memory("VmRSS"), operator.memory("VmHWM"));
      }
      return elapsed;
    } finally {
      operator.stop();
    }
  }

  private static double reconciles(JvmProcess operator) throws Exception {
    Matcher matcher = RECONCILES.matcher(operator.body("/metrics"));
    double total = 0;
    while (matcher.find()) {
      total += Double.parseDouble(matcher.group(1));
    }
    return total;
  }
}
