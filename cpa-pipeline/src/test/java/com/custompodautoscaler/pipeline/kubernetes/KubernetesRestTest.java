package com.custompodautoscaler.pipeline.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KubernetesRestTest {

  record Case(String name, int code, String message, String answer) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> answers() {
    return Stream.of(
        new Case(
            "a Status message follows the code",
            404,
            "deployments.apps \"web\" not found",
            "404 deployments.apps \"web\" not found"),
        new Case(
            "a plain answer that begins with its code has it once",
            404,
            "404 page not found",
            "404 page not found"),
        new Case("an empty answer is the code alone", 503, "", "503"),
        new Case("an answer that is the code alone has it once", 500, "500", "500"),
        new Case(
            "an answer that begins with another number still gets the code",
            404,
            "4040 things not found",
            "404 4040 things not found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void aFailedRequestGivesItsStatusCodeOnce(Case failed) {
    assertThat(KubernetesRest.answer(failed.code(), failed.message())).isEqualTo(failed.answer());
  }
}
