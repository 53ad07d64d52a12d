package com.custompodautoscaler.host.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host replica's settings from its environment, as the chart sets them. Every variable but {@code
 * POD_NAME} and {@code POD_NAMESPACE} has a default.
 *
 * <ul>
 *   <li>{@code POD_NAME}: this replica's name, unique among the host's replicas (the pod's name)
 *   <li>{@code POD_NAMESPACE}: where the host's Leases are (the pod's namespace)
 *   <li>{@code CPA_HOST_NAME} ({@code cpa-host}): the host's name, which its Leases carry
 *   <li>{@code CPA_HOST_SHARDS} (64): how many shards the hosted CPAs are divided into
 *   <li>{@code CPA_HOST_LEASE_SECONDS} (15): how long a stopped replica keeps its shards; it renews
 *       them every third of that and stops acting on them 2 s before they would run out
 *   <li>{@code CPA_HOST_WATCH_NAMESPACE} (every namespace): the one namespace whose CPAs it runs
 *   <li>{@code CPA_HOST_SERVICE_ACCOUNT} (none): the host's ServiceAccount, which owns its Leases
 *   <li>{@code CPA_HOST_FILES} ({@code /tmp/cpa-host}): where hosted CPAs' files are written
 *   <li>{@code CPA_HOST_IMAGE_FILES} ({@code /opt/cpa/images}): the files of the autoscaler images
 *       that hosted CPAs read without mounting them, a folder per image repository
 *   <li>{@code CPA_HOST_PORT} (8081): the port of the health and metrics endpoints
 *   <li>{@code CPA_HOST_CONCURRENT_RUNS} (100): how many runs may be under way at once
 * </ul>
 */
record HostSettings(Host.Settings host, int port) {

  private static final Duration MARGIN = Duration.ofSeconds(2);

  /**
   * The settings {@code env} gives.
   *
   * @throws IllegalArgumentException naming every variable that is missing or not valid
   */
  static HostSettings from(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String replica = required(env, "POD_NAME", problems);
    String namespace = required(env, "POD_NAMESPACE", problems);
    int shards = number(env, "CPA_HOST_SHARDS", 64, 1, 4096, problems);
    int leaseSeconds = number(env, "CPA_HOST_LEASE_SECONDS", 15, 6, 3600, problems);
    int port = number(env, "CPA_HOST_PORT", 8081, 1, 65535, problems);
    int concurrentRuns = number(env, "CPA_HOST_CONCURRENT_RUNS", 100, 1, 200, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Duration lease = Duration.ofSeconds(leaseSeconds);
    return new HostSettings(
        new Host.Settings(
            namespace,
            env.getOrDefault("CPA_HOST_NAME", "cpa-host"),
            replica,
            shards,
            lease,
            lease.dividedBy(3),
            MARGIN,
            Path.of(env.getOrDefault("CPA_HOST_FILES", "/tmp/cpa-host")),
            Path.of(env.getOrDefault("CPA_HOST_IMAGE_FILES", "/opt/cpa/images")),
            optional(env, "CPA_HOST_WATCH_NAMESPACE"),
            optional(env, "CPA_HOST_SERVICE_ACCOUNT"),
            concurrentRuns),
        port);
  }

  private static Optional<String> optional(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
  }

  private static String required(Map<String, String> env, String name, List<String> problems) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      problems.add(name + " is not set");
      return "";
    }
    return value;
  }

  private static int number(
      Map<String, String> env,
      String name,
      int fallback,
      int least,
      int most,
      List<String> problems) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= least && number <= most) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " is \"" + value + "\"; a whole number from " + least + " to " + most);
    return fallback;
  }
}
