package com.custompodautoscaler.api.wire.kubernetes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of pod names as CPA v2 writes one: an object whose keys are the names, each with an empty
 * object as its value.
 */
public final class PodSet {

  private PodSet() {}

  /** The wire form of {@code names}, in their order. */
  public static Map<String, Map<String, String>> of(Collection<String> names) {
    Map<String, Map<String, String>> set = new LinkedHashMap<>();
    names.forEach(name -> set.put(name, Map.of()));
    return set;
  }
}
