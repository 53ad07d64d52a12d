package com.custompodautoscaler.operator.model;

/**
 * The ServiceAccount the autoscaler host runs as (docs/hosting.md), which the operator lets
 * impersonate the account of each hosted CPA and of no other.
 *
 * @param namespace the host's namespace, the chart's release namespace
 * @param name the host's ServiceAccount
 */
public record HostAccount(String namespace, String name) {

  /** {@code namespace/name}, as the chart passes it in {@code HOST_SERVICE_ACCOUNT}. */
  public static HostAccount parse(String value) {
    String[] parts = value.strip().split("/", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException(
          "the host's ServiceAccount must be given as namespace/name, got '" + value + "'");
    }
    return new HostAccount(parts[0], parts[1]);
  }

  /** The user name the API server gives the account. */
  public String user() {
    return "system:serviceaccount:" + namespace + ":" + name;
  }
}
