package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The environment the operator gives the autoscaler, in the Go operator's order: {@code
 * scaleTargetRef} as JSON, {@code namespace}, then (new here) {@code cpaName}, then one variable
 * per {@code spec.config} entry. The autoscaler reads variables named like its keys as
 * configuration, and passes all of them on to user logic.
 */
public final class AutoscalerEnvironment {

  private AutoscalerEnvironment() {}

  public static List<EnvVar> of(CustomPodAutoscaler cpa) {
    List<EnvVar> env = new ArrayList<>();
    env.add(variable("scaleTargetRef", json(cpa.getSpec().getScaleTargetRef())));
    env.add(variable("namespace", cpa.getMetadata().getNamespace()));
    env.add(variable("cpaName", cpa.getMetadata().getName()));
    for (ConfigEntry entry : cpa.getSpec().getConfig()) {
      env.add(variable(entry.getName(), entry.getValue() == null ? "" : entry.getValue()));
    }
    return env;
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
