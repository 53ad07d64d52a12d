package com.custompodautoscaler.pipeline.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ClientErrorsTest {

  @Test
  void namesTheCauseBehindAVagueMessage() {
    Exception refused =
        new IllegalStateException(
            "An error has occurred.", new IOException(null, new ConnectException()));
    Exception unknownHost =
        new IllegalStateException(
            "An error has occurred.", new UnknownHostException("kubernetes.default.svc"));

    assertThat(ClientErrors.describe(refused))
        .isEqualTo("An error has occurred. (ConnectException)");
    assertThat(ClientErrors.describe(unknownHost))
        .isEqualTo("An error has occurred. (UnknownHostException: kubernetes.default.svc)");
  }

  @Test
  void keepsAMessageThatAlreadySaysIt() {
    Exception clear =
        new IllegalStateException("connection refused", new IOException("connection refused"));

    assertThat(ClientErrors.describe(clear)).isEqualTo("connection refused");
    assertThat(ClientErrors.describe(new IllegalStateException("alone"))).isEqualTo("alone");
  }
}
