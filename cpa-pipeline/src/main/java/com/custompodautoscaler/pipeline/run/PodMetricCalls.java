package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.api.wire.ResourceMetric;
import com.custompodautoscaler.core.port.KubernetesObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Calls the metric method once per pod, at most {@code concurrency} calls at a time, and returns
 * the results in pod order. The first call to fail fails them all: the others are cancelled, which
 * ends their commands. A concurrency of 1 calls the pods one after another, as CPA v2 does.
 */
final class PodMetricCalls implements AutoCloseable {

  private final ExecutorService pool;

  PodMetricCalls(int concurrency) {
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            concurrency,
            concurrency,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "pod-metric-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    this.pool = executor;
  }

  /** One metric per pod, in pod order; throws the first failure, naming its pod. */
  List<ResourceMetric> gather(List<KubernetesObject> pods, Function<KubernetesObject, String> call)
      throws InterruptedException {
    CompletionService<Integer> completion = new ExecutorCompletionService<>(pool);
    String[] values = new String[pods.size()];
    List<Future<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < pods.size(); i++) {
      int index = i;
      calls.add(
          completion.submit(
              () -> {
                values[index] = call.apply(pods.get(index));
                return index;
              }));
    }
    try {
      for (int done = 0; done < pods.size(); done++) {
        awaitNext(completion);
      }
    } finally {
      calls.forEach(future -> future.cancel(true));
    }
    List<ResourceMetric> metrics = new ArrayList<>();
    for (int i = 0; i < pods.size(); i++) {
      metrics.add(new ResourceMetric(pods.get(i).name(), values[i]));
    }
    return metrics;
  }

  private static void awaitNext(CompletionService<Integer> completion) throws InterruptedException {
    Future<Integer> finished = completion.take();
    try {
      finished.get();
    } catch (ExecutionException e) {
      throw new PodCallFailure(e.getCause());
    } catch (CancellationException e) {
      throw new PodCallFailure(e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** The failure of one pod's call. */
  static final class PodCallFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PodCallFailure(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
