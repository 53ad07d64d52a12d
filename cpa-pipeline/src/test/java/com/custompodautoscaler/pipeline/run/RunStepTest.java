package com.custompodautoscaler.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunStepTest {

  record Case(String name, RunStep step, String detail, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> failures() {
    return Stream.of(
        new Case(
            "a stage's failure gets the run-level prefix",
            RunStep.METRICS,
            "failed to gather metrics: exit status 1",
            "failed to get metrics: failed to gather metrics: exit status 1"),
        new Case(
            "the evaluate method's failure, which begins with the prefix, gets it once",
            RunStep.EVALUATION,
            "failed to get evaluation: exit status 1",
            "failed to get evaluation: exit status 1"),
        new Case(
            "a hook's failure in the same step still gets the prefix",
            RunStep.EVALUATION,
            "failed to run pre-evaluate hook: exit status 1",
            "failed to get evaluation: failed to run pre-evaluate hook: exit status 1"),
        new Case(
            "the prefix's words without their colon are not the prefix",
            RunStep.EVALUATION,
            "failed to get evaluation results in time",
            "failed to get evaluation: failed to get evaluation results in time"),
        new Case(
            "another step's prefix is not this step's",
            RunStep.SCALING,
            "failed to get evaluation: exit status 1",
            "failed to scale resource: failed to get evaluation: exit status 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aRunsFailureNamesItsStepOnce(Case failure) {
    RunException run = new RunException(failure.step(), failure.detail(), null);

    assertThat(run.getMessage()).isEqualTo(failure.message());
    assertThat(run.detail()).as("the REST API's text, as CPA v2's").isEqualTo(failure.detail());
  }
}
