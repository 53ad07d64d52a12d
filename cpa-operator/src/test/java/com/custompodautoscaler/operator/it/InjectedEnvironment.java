package com.custompodautoscaler.operator.it;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment variables an operator gives an autoscaler, as the tests build and use them. */
final class InjectedEnvironment {

  private static final ObjectMapper JSON = new ObjectMapper();

  private InjectedEnvironment() {}

  /**
   * What the Go operator (custom-pod-autoscaler-operator v1.4) appends to the autoscaler's
   * container: {@code scaleTargetRef} as Go marshals a CrossVersionObjectReference (kind, name,
   * then apiVersion, which is left out when empty), {@code namespace}, then every {@code
   * spec.config} entry in its order. Written here from those facts, not from our operator's code.
   */
  static List<EnvVar> goOperator(CustomPodAutoscaler cpa) {
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVar("scaleTargetRef", goJson(cpa.getSpec().getScaleTargetRef()), null));
    env.add(new EnvVar("namespace", cpa.getMetadata().getNamespace(), null));
    for (ConfigEntry entry : cpa.getSpec().getConfig()) {
      env.add(new EnvVar(entry.getName(), entry.getValue() == null ? "" : entry.getValue(), null));
    }
    return env;
  }

  /** The variables as the process sees them: of two with one name, the later wins, as in a pod. */
  static Map<String, String> asMap(List<EnvVar> env) {
    Map<String, String> variables = new LinkedHashMap<>();
    env.forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    return variables;
  }

  private static String goJson(ScaleTargetReference ref) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("kind", ref.getKind());
    fields.put("name", ref.getName());
    if (ref.getApiVersion() != null && !ref.getApiVersion().isEmpty()) {
      fields.put("apiVersion", ref.getApiVersion());
    }
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + fields, e);
    }
  }
}
