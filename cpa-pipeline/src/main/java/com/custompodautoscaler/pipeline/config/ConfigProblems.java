package com.custompodautoscaler.pipeline.config;

import com.custompodautoscaler.pipeline.config.ConfigProblem.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem found while loading a configuration, so that all of them are reported at
 * once: the first error found at each key, and each distinct warning. Knows which top-level keys
 * came from environment variables and says so in messages.
 */
final class ConfigProblems {

  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<String, String> origins = new HashMap<>();

  /**
   * Records that top-level {@code key} took its value from environment variable {@code variable}.
   */
  void keyCameFromEnvironment(String key, String variable) {
    origins.put(key, "environment variable " + variable);
  }

  /** Records an error at {@code key}, unless one was found there already: one error per key. */
  void error(String key, String message) {
    boolean known =
        problems.stream()
            .anyMatch(problem -> problem.severity() == Severity.ERROR && problem.key().equals(key));
    if (!known) {
      problems.add(problem(Severity.ERROR, key, message));
    }
  }

  /** Records a warning at {@code key}, unless the same one was found already. */
  void warning(String key, String message) {
    ConfigProblem problem = problem(Severity.WARNING, key, message);
    if (!problems.contains(problem)) {
      problems.add(problem);
    }
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

  private ConfigProblem problem(Severity severity, String key, String message) {
    String topLevel = key.split("[.\\[]", 2)[0];
    String origin = origins.get(topLevel);
    return new ConfigProblem(
        severity, key, origin == null ? message : message + " (" + origin + ")");
  }
}
