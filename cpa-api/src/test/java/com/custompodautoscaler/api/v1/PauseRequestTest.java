package com.custompodautoscaler.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PauseRequestTest {

  static Stream<Arguments> annotationValues() {
    return Stream.of(
        Arguments.of("0", new PauseRequest.Paused(0)),
        Arguments.of("3", new PauseRequest.Paused(3)),
        Arguments.of(" 7 ", new PauseRequest.Paused(7)),
        Arguments.of("-1", new PauseRequest.Invalid("-1")),
        Arguments.of("", new PauseRequest.Invalid("")),
        Arguments.of("three", new PauseRequest.Invalid("three")),
        Arguments.of("2.5", new PauseRequest.Invalid("2.5")),
        Arguments.of("99999999999", new PauseRequest.Invalid("99999999999")));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @MethodSource("annotationValues")
  void readsTheAnnotation(String value, PauseRequest expected) {
    assertThat(PauseRequest.from(Map.of(PauseRequest.ANNOTATION, value))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withoutTheAnnotation")
  void withoutTheAnnotationTheAutoscalerRuns(String name, Map<String, String> annotations) {
    assertThat(PauseRequest.from(annotations)).isEqualTo(new PauseRequest.Running());
  }

  static Stream<Arguments> withoutTheAnnotation() {
    return Stream.of(
        Arguments.of("no annotations at all", null),
        Arguments.of("an empty map", Map.of()),
        Arguments.of("other annotations", Map.of("unrelated", "1")));
  }
}
