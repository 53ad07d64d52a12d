package com.custompodautoscaler.pipeline.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration with at least one error; carries every problem found, warnings included. */
public class InvalidConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public InvalidConfigException(String source, List<ConfigProblem> problems) {
    super(summary(source, problems));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String summary(String source, List<ConfigProblem> problems) {
    long errors =
        problems.stream().filter(p -> p.severity() == ConfigProblem.Severity.ERROR).count();
    return "configuration from "
        + source
        + " is invalid ("
        + errors
        + (errors == 1 ? " error" : " errors")
        + "):\n"
        + problems.stream().map(p -> "  " + p.describe()).collect(Collectors.joining("\n"));
  }
}
