package com.custompodautoscaler.autoscaler.config;

import com.custompodautoscaler.autoscaler.config.ConfigProblem.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem found while loading a configuration, so that all of them are reported at
 * once. Knows which top-level keys came from environment variables and says so in messages.
 */
final class ConfigProblems {

  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<String, String> origins = new HashMap<>();

  /** Records that top-level {@code key} took its value from environment variable {@code key}. */
  void keyCameFromEnvironment(String key) {
    origins.put(key, "environment variable " + key);
  }

  void error(String key, String message) {
    add(Severity.ERROR, key, message);
  }

  void warning(String key, String message) {
    add(Severity.WARNING, key, message);
  }

  /** How many problems have been found so far. */
  int count() {
    return problems.size();
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(problem -> problem.severity() == Severity.ERROR);
  }

  /** Errors first, then warnings, each in the order found. */
  List<ConfigProblem> sorted() {
    return problems.stream().sorted(Comparator.comparing(ConfigProblem::severity)).toList();
  }

  private void add(Severity severity, String key, String message) {
    String topLevel = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
    String origin = origins.get(topLevel);
    problems.add(
        new ConfigProblem(severity, key, origin == null ? message : message + " (" + origin + ")"));
  }
}
