package com.custompodautoscaler.pipeline.kubernetes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A namespaced resource type found through discovery, and the API paths of its objects. */
record ApiResource(String group, String version, String plural, String kind) {

  ApiResource {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(plural, "plural");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * The path of one object, for example {@code /apis/apps/v1/namespaces/default/deployments/web}.
   */
  String objectPath(String namespace, String name) {
    String root = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return root + "/namespaces/" + encode(namespace) + "/" + plural + "/" + encode(name);
  }

  /** The path of one object's {@code scale} subresource. */
  String scalePath(String namespace, String name) {
    return objectPath(namespace, name) + "/scale";
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
