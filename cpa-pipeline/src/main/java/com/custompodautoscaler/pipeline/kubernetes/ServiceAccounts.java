package com.custompodautoscaler.pipeline.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfigBuilder;

/**
 * A ServiceAccount as the API server knows its requests: the user name and groups its token
 * carries, and a client that acts as it by impersonation, over the HTTP client of the one that
 * impersonates (many such clients cost one connection pool).
 */
public final class ServiceAccounts {

  private ServiceAccounts() {}

  /** The user name of ServiceAccount {@code name} of {@code namespace}. */
  public static String user(String namespace, String name) {
    return "system:serviceaccount:" + namespace + ":" + name;
  }

  /** The groups every ServiceAccount of {@code namespace} is in. */
  public static String[] groups(String namespace) {
    return new String[] {
      "system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated"
    };
  }

  /**
   * A client that acts as ServiceAccount {@code name} of {@code namespace}; {@code client}'s own
   * account must be allowed to impersonate it. It shares {@code client}'s HTTP client and lives as
   * long as {@code client}: closing it would close that HTTP client too, so it is not closed.
   */
  public static KubernetesClient impersonating(
      KubernetesClient client, String namespace, String name) {
    return client
        .newClient(
            new RequestConfigBuilder().withImpersonateUsername(user(namespace, name)).build())
        .adapt(KubernetesClient.class);
  }
}
