package com.custompodautoscaler.pipeline.kubernetes;

/**
 * The three metrics APIs the HPA reads, each served only once something that serves it is
 * installed: their API group, and what to install when a cluster does not serve one.
 */
enum MetricsApi {
  RESOURCE("the resource metrics API", "metrics.k8s.io", "install metrics-server"),
  CUSTOM(
      "the custom metrics API",
      "custom.metrics.k8s.io",
      "install an adapter that serves it, such as prometheus-adapter"),
  EXTERNAL(
      "the external metrics API",
      "external.metrics.k8s.io",
      "install an adapter that serves it, such as KEDA or prometheus-adapter");

  private final String title;
  private final String group;
  private final String remedy;

  MetricsApi(String title, String group, String remedy) {
    this.title = title;
    this.group = group;
    this.remedy = remedy;
  }

  /** The path of the API group's discovery document, which only a served group has. */
  String groupPath() {
    return "/apis/" + group;
  }

  /** What it means that the cluster does not serve this API, and what to do about it. */
  String notServed() {
    return title + " (" + group + ") is not served by this cluster: " + remedy;
  }
}
