package com.custompodautoscaler.core.model;

/**
 * The resource an autoscaler scales: its API version, kind and name (a
 * CrossVersionObjectReference).
 */
public record TargetRef(String apiVersion, String kind, String name) {

  public TargetRef {
    requireText(apiVersion, "apiVersion");
    requireText(kind, "kind");
    requireText(name, "name");
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("scaleTargetRef." + field + " must not be empty");
    }
  }

  /** The API group, empty for the core group ({@code v1}). */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The version part of {@link #apiVersion()}. */
  public String version() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  /** Kind and name, as log lines and messages name a target: {@code Deployment/web}. */
  public String describe() {
    return kind + "/" + name;
  }
}
