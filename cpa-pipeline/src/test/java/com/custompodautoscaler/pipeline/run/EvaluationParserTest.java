package com.custompodautoscaler.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EvaluationParserTest {

  static Stream<Arguments> goodOutputs() {
    return Stream.of(
        Arguments.of("plain", "{\"targetReplicas\":3}", 3),
        Arguments.of("trailing newline", "{\"targetReplicas\":3}\n", 3),
        Arguments.of("surrounding whitespace", "  {\"targetReplicas\": 3}  ", 3),
        Arguments.of("other fields are ignored", "{\"targetReplicas\":3,\"reason\":\"queue\"}", 3),
        Arguments.of("the key in another case", "{\"TargetReplicas\":3}", 3),
        Arguments.of("zero", "{\"targetReplicas\":0}", 0),
        Arguments.of("the largest count", "{\"targetReplicas\":2147483647}", Integer.MAX_VALUE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodOutputs")
  void readsTargetReplicas(String name, String output, int expected) {
    assertThat(EvaluationParser.parse(output).targetReplicas()).isEqualTo(expected);
  }

  @Test
  void readsTheStateToKeepAsTheJsonItIsAndNoStateAsNoChange() {
    assertThat(EvaluationParser.parse("{\"targetReplicas\":3}").state()).isEmpty();
    assertThat(EvaluationParser.parse("{\"targetReplicas\":3,\"state\":{\"seen\":[1, 2]}}").state())
        .contains("{\"seen\":[1,2]}");
    assertThat(EvaluationParser.parse("{\"targetReplicas\":3,\"State\":\"abc\"}").state())
        .contains("\"abc\"");
    assertThat(EvaluationParser.parse("{\"targetReplicas\":3,\"state\":null}").state())
        .contains("null");
  }

  @Test
  void aStateLargerThanTheStatusKeepsFailsTheRunAndSaysHowLarge() {
    String large = "x".repeat(EvaluationParser.MAX_STATE_BYTES);

    assertThatThrownBy(
            () -> EvaluationParser.parse("{\"targetReplicas\":3,\"state\":\"" + large + "\"}"))
        .isInstanceOf(StageFailure.class)
        .hasMessage(
            "the evaluation's state is 524290 bytes of JSON, more than the 524288 the autoscaler"
                + " keeps");
  }

  static Stream<Arguments> badOutputs() {
    return Stream.of(
        Arguments.of("not JSON", "invalid", "invalid JSON"),
        Arguments.of("empty", "", "expected a JSON object with targetReplicas"),
        Arguments.of("missing", "{}", "targetReplicas is missing"),
        Arguments.of("null", "{\"targetReplicas\":null}", "targetReplicas is null"),
        Arguments.of("negative", "{\"targetReplicas\":-1}", "must not be negative, got -1"),
        Arguments.of("fraction", "{\"targetReplicas\":2.5}", "must be a whole number, got 2.5"),
        Arguments.of(
            "whole number written as a float",
            "{\"targetReplicas\":3.0}",
            "must be a whole number, got 3.0"),
        Arguments.of("string", "{\"targetReplicas\":\"3\"}", "must be a whole number, got \"3\""),
        Arguments.of("out of range", "{\"targetReplicas\":3000000000}", "must be a whole number"),
        Arguments.of("trailing garbage", "{\"targetReplicas\":3} trailing", "invalid JSON"),
        Arguments.of("an array", "[3]", "expected a JSON object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOutputs")
  void refusesAnEvaluationWithoutAUsableTargetReplicas(String name, String output, String reason) {
    assertThatThrownBy(() -> EvaluationParser.parse(output))
        .isInstanceOf(StageFailure.class)
        .hasMessageStartingWith("failed to parse JSON evaluation, got '" + output + "': ")
        .hasMessageContaining(reason);
  }
}
