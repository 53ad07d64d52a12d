package com.custompodautoscaler.bench;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The autoscaler host as a process, as its pod runs it, with {@code cpa.bench.hostedCpas} (2,000)
 * hosted CPAs of the HPA logic, 15 s apart ({@link HostedCpaFixture}), in-process or, with {@code
 * -Dcpa.bench.hostLogic=python-worker}, its evaluate stage as a Python worker per CPA: how long
 * until every CPA has run, how late runs start against their schedule (p50, p99, max), a new CPA's
 * first run while the others run, the API requests per run by verb and resource, and the host's
 * resident memory.
 */
final class HostScaleBenchmark implements Bench {

  private static final int CPAS = Integer.getInteger("cpa.bench.hostedCpas", 2000);
  private static final HostedCpaFixture.Logic LOGIC =
      "python-worker".equals(System.getProperty("cpa.bench.hostLogic"))
          ? HostedCpaFixture.Logic.PYTHON_WORKER
          : HostedCpaFixture.Logic.JAVA;
  private static final Duration OBSERVE =
      Duration.ofSeconds(Integer.getInteger("cpa.bench.hostSeconds", 180));
  private static final Duration START_PATIENCE = Duration.ofMinutes(10);

  @Override
  public String name() {
    return "host-scale";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    Path jar = BenchContext.builtJar("cpa-host/target/cpa-host.jar");
    KubernetesClient client = context.plane().client();
    HostedCpaFixture.prepare(client);
    long setUp = System.nanoTime();
    HostedCpaFixture.createAll(client, 0, CPAS, LOGIC);
    out.printf(
        "created %d hosted CPAs with their Deployments, pods, pod metrics, ServiceAccounts, Roles"
            + " and RoleBindings in %.1f s%n",
        CPAS, (System.nanoTime() - setUp) / 1e9);

    JvmProcess host = HostedCpaFixture.launchHost(context, jar, "host-0", Map.of());
    try {
      host.awaitOk("/healthz", Duration.ofMillis(50));
      long ran = 0;
      while (ran < CPAS && host.elapsedNanos() < START_PATIENCE.toNanos()) {
        host.failIfExited();
        Thread.sleep(500);
        try {
          ran = HostedCpaFixture.cpasThatRan(host);
        } catch (HttpTimeoutException busy) {
          // A host too busy to answer within 5 s is asked again.
        }
      }
      out.printf(
          "JVM flags %s: %d of %d CPAs had run %.1f s after the host's launch%n",
          HostedCpaFixture.FLAGS, ran, CPAS, host.elapsedNanos() / 1e9);

      Instant newCpaCreated = Instant.now();
      HostedCpaFixture.createAll(client, CPAS, CPAS + 1, LOGIC);
      Duration firstRun =
          awaitFirstRun(client, HostedCpaFixture.namespaceOf(CPAS), "cpa-" + CPAS, newCpaCreated);
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
          "host resident memory: VmRSS %s, VmHWM %s; the processes it started (workers): %d,"
              + " VmRSS %d kB in all%n",
          host.memory("VmRSS"),
          host.memory("VmHWM"),
          host.descendants(),
          host.descendantsResidentKb());
    } finally {
      host.stop();
    }
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

  private static double total(JvmProcess host, String name) throws Exception {
    return total(host, name, "");
  }

  private static double total(JvmProcess host, String name, String having) throws Exception {
    return HostedCpaFixture.series(host.body("/metrics"), name).entrySet().stream()
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
    HostedCpaFixture.series(text, "apiserver_request_total")
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
}
