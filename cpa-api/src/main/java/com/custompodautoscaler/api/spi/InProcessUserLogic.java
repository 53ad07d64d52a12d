package com.custompodautoscaler.api.spi;

/**
 * User logic that runs inside the autoscaler's JVM, for methods of type {@code java}. The
 * autoscaler creates one instance per configured method, through the first public constructor it
 * has of these: one that takes a {@code Map<String, String>} and a {@link java.time.Clock}, one
 * that takes the map alone, or one that takes nothing. The map holds the CPA's variables (the
 * process's environment with the CPA's config entries, which is how logic hosted with other CPAs in
 * one process reads its own configuration); the clock is the autoscaler's, which {@code simulate}
 * runs on virtual time, so logic that reads the time from it can be simulated. It then calls it
 * with the same documents a {@code shell} method reads on stdin; what it returns counts as that
 * method's stdout. No process starts per call.
 *
 * <p>A call that outlives the method's {@code timeout} is interrupted and abandoned, and the run
 * fails: long work should check {@link Thread#interrupted()} or use interruptible waits. A thrown
 * exception fails the run with its message. Runs take turns, so an instance is called by one run at
 * a time; only a call abandoned at its timeout may still be running when the next one starts.
 */
public interface InProcessUserLogic {

  /**
   * Handles one call.
   *
   * @param stage the configuration key of the method being called: {@code metric}, {@code
   *     evaluate}, or a hook such as {@code preScale}
   * @param document the stage's JSON document, exactly as a shell method reads it
   * @return the stage's output: for {@code metric} the metric value, for {@code evaluate} the
   *     evaluation JSON such as {@code {"targetReplicas": 3}}; anything for a hook
   * @throws Exception to fail the call, and so the run, with the exception's message
   */
  String call(String stage, String document) throws Exception;
}
