package com.custompodautoscaler.host.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShardKeeperTest {

  @Test
  void aRoundTheApiServerDoesNotAnswerThrowsNothingAndHoldsNothing() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    List<String> heard = new ArrayList<>();
    try (KubernetesClient unreachable =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl("https://127.0.0.1:" + closedPort)
                    .withRequestRetryBackoffLimit(0)
                    .withConnectionTimeout(1000)
                    .build())
            .build()) {
      Duration lease = Duration.ofSeconds(4);
      ShardKeeper keeper =
          new ShardKeeper(
              new ShardLeases(
                  unreachable, "default", "host", "a", lease, Instant::now, Optional.empty()),
              new ShardListener() {
                @Override
                public void acquired(int shard) {
                  heard.add("acquired " + shard);
                }

                @Override
                public void lost(int shard) {
                  heard.add("lost " + shard);
                }
              },
              "a",
              8,
              lease,
              Duration.ofMillis(500),
              Instant::now,
              Runnable::run);

      assertThatCode(keeper::round).doesNotThrowAnyException();
      assertThatCode(keeper::round).doesNotThrowAnyException();

      assertThat(keeper.held()).isEmpty();
      assertThat(heard).isEmpty();
    }
  }
}
