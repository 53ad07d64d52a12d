package com.custompodautoscaler.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InProcessWorkerTest {

  /** Doubles the number in its document; fails on anything else. */
  static final class Doubling implements InProcessUserLogic {
    @Override
    public String call(String stage, String document) {
      int value = Integer.parseInt(document.replaceAll("\\D", ""));
      return stage + ":" + value * 2;
    }
  }

  @Test
  void answersEveryLineWithOneLineAndAnErrorWithoutStopping() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    InProcessWorker.serve(
        new Doubling(),
        "metric",
        new BufferedReader(new StringReader("{\"n\": 2}\n\n{\"n\": \"none\"}\n{\"n\": 21}\n")),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "metric:4\n"
                + "{\"error\": \"NumberFormatException: For input string: \\\"\\\"\"}\n"
                + "metric:42\n");
  }

  @Test
  void anAnswerWithALineBreakIsAnErrorAndATrailingOneIsDropped() {
    assertThat(InProcessWorker.answer((stage, document) -> "5\n", "metric", "{}")).isEqualTo("5");
    assertThat(InProcessWorker.answer((stage, document) -> "a\nb", "metric", "{}"))
        .isEqualTo("{\"error\": \"the answer must be one line; it holds a line break\"}");
  }

  @Test
  void errorMessagesAreEscapedAsJson() {
    assertThat(InProcessWorker.error("tab\there \"quoted\" back\\slash\u0001"))
        .isEqualTo("{\"error\": \"tab\\there \\\"quoted\\\" back\\\\slash\\u0001\"}");
  }
}
