package com.custompodautoscaler.api.v1;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The environment the operator gives the autoscaler, in the Go operator's order: {@code
 * scaleTargetRef} as JSON, {@code namespace}, then (new here) {@code cpaName} and {@code
 * healthPort}, then one variable per {@code spec.config} entry. A {@code healthPort} entry takes
 * the place of ours: in a pod the later of two variables wins, but server-side apply refuses a
 * container with two of one name. The autoscaler reads variables named like its keys as
 * configuration, and passes all of them on to user logic.
 */
public final class AutoscalerEnvironment {

  /**
   * The port of the autoscaler's health listener, which its probes ask; the operator's own health
   * port too. It is apart from the REST API's default 5000 and from the 8080 that servers of user
   * logic commonly take in the same pod.
   */
  public static final int HEALTH_PORT = 8081;

  private static final String HEALTH_PORT_KEY = "healthPort";

  /** A port as a person writes it, which every reader takes for the same number. */
  private static final Pattern PLAIN_PORT = Pattern.compile("[1-9][0-9]{0,4}");

  private static final int HIGHEST_PORT = 65535;

  private AutoscalerEnvironment() {}

  public static List<EnvVar> of(CustomPodAutoscaler cpa) {
    List<EnvVar> env = new ArrayList<>();
    env.add(variable("scaleTargetRef", json(cpa.getSpec().getScaleTargetRef())));
    env.add(variable("namespace", cpa.getMetadata().getNamespace()));
    env.add(variable("cpaName", cpa.getMetadata().getName()));
    if (entries(cpa, HEALTH_PORT_KEY).isEmpty()) {
      env.add(variable(HEALTH_PORT_KEY, String.valueOf(HEALTH_PORT)));
    }
    for (ConfigEntry entry : cpa.getSpec().getConfig()) {
      env.add(variable(entry.getName(), valueOf(entry)));
    }
    return env;
  }

  /**
   * The port the autoscaler's health listener takes with this environment: {@link #HEALTH_PORT}, or
   * the last {@code healthPort} entry of {@code spec.config} when it is a port written plainly.
   * Empty when that entry is written any other way: the autoscaler reads {@code 017621} and {@code
   * 0x1F91} as 8081 and refuses {@code "08081"}, and a probe of a port it does not listen on would
   * restart a working autoscaler, while one that refuses its configuration exits anyway.
   */
  public static Optional<Integer> healthPort(CustomPodAutoscaler cpa) {
    List<String> written = entries(cpa, HEALTH_PORT_KEY);
    String port = written.isEmpty() ? String.valueOf(HEALTH_PORT) : written.get(written.size() - 1);
    if (!PLAIN_PORT.matcher(port).matches() || Integer.parseInt(port) > HIGHEST_PORT) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(port));
  }

  /** The values of the {@code spec.config} entries named {@code name}, in order. */
  private static List<String> entries(CustomPodAutoscaler cpa, String name) {
    return cpa.getSpec().getConfig().stream()
        .filter(entry -> name.equals(entry.getName()))
        .map(AutoscalerEnvironment::valueOf)
        .toList();
  }

  private static String valueOf(ConfigEntry entry) {
    return entry.getValue() == null ? "" : entry.getValue();
  }

  /** The reference as the Go operator writes it: kind, name, then apiVersion. */
  static String json(ScaleTargetReference ref) {
    return "{\"kind\":"
        + quoted(ref.getKind())
        + ",\"name\":"
        + quoted(ref.getName())
        + ",\"apiVersion\":"
        + quoted(ref.getApiVersion())
        + "}";
  }

  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  private static EnvVar variable(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }
}
