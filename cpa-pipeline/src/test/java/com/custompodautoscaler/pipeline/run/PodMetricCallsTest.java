package com.custompodautoscaler.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.wire.ResourceMetric;
import com.custompodautoscaler.core.port.KubernetesObject;
import com.custompodautoscaler.core.port.UserLogicException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PodMetricCallsTest {

  @Test
  void runsUpToTheConcurrencyAtOnceAndKeepsPodOrder() throws Exception {
    CyclicBarrier fourAtOnce = new CyclicBarrier(4);
    try (PodMetricCalls calls = new PodMetricCalls(4)) {
      List<ResourceMetric> metrics =
          calls.gather(
              pods(8),
              pod -> {
                meetAt(fourAtOnce);
                return "value of " + pod.name();
              });

      assertThat(metrics)
          .extracting(ResourceMetric::value)
          .containsExactly(
              IntStream.range(0, 8).mapToObj(i -> "value of pod-" + i).toArray(String[]::new));
    }
  }

  @Test
  void aConcurrencyOfOneCallsThePodsOneAfterAnother() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (PodMetricCalls calls = new PodMetricCalls(1)) {
      calls.gather(
          pods(5),
          pod -> {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            order.add(pod.name());
            inFlight.decrementAndGet();
            return "v";
          });
    }

    assertThat(mostAtOnce.get()).isEqualTo(1);
    assertThat(order).containsExactly("pod-0", "pod-1", "pod-2", "pod-3", "pod-4");
  }

  @Test
  void theFirstFailureFailsTheRunAndCancelsTheOtherCalls() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger interrupted = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    try (PodMetricCalls calls = new PodMetricCalls(4)) {
      assertThatThrownBy(
              () ->
                  calls.gather(
                      pods(4),
                      pod -> {
                        started.incrementAndGet();
                        if (pod.name().equals("pod-2")) {
                          throw new UserLogicException("pod pod-2: exit status 1");
                        }
                        try {
                          never.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          interrupted.incrementAndGet();
                        }
                        return "late";
                      }))
          .isInstanceOf(PodMetricCalls.PodCallFailure.class)
          .hasMessage("pod pod-2: exit status 1");

      await().atMost(Duration.ofSeconds(5)).until(() -> interrupted.get() == started.get() - 1);
    }
  }

  private static void meetAt(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("fewer calls ran at once than the barrier needs", e);
    }
  }

  private static List<KubernetesObject> pods(int count) {
    return IntStream.range(0, count).mapToObj(i -> new KubernetesObject("pod-" + i, "{}")).toList();
  }
}
