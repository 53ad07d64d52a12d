package com.custompodautoscaler.pipeline.method;

import com.custompodautoscaler.api.spi.InProcessUserLogic;
import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.pipeline.config.JavaMethodConfig;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls an {@link InProcessUserLogic} class in the autoscaler's JVM. The class is loaded and
 * instantiated once, when the autoscaler starts, with the CPA's variables when it has a public
 * constructor that takes them (in a host, whose own environment is not the CPA's, that is how the
 * logic reads its configuration); its classes resolve through the autoscaler's classpath first, so
 * {@code cpa-api} is the autoscaler's own. Each call runs on a thread of {@code calls}; at the
 * timeout it is interrupted and abandoned and the call fails.
 */
final class JavaMethod implements MethodRunner {

  private final String stage;
  private final JavaMethodConfig config;
  private final InProcessUserLogic logic;
  private final Executor calls;
  private final int maxOutputBytes;

  /**
   * @throws IllegalArgumentException when the class cannot be loaded, is not an {@code
   *     InProcessUserLogic} or cannot be instantiated; the message says which and where
   */
  JavaMethod(
      String stage,
      JavaMethodConfig config,
      Executor calls,
      int maxOutputBytes,
      Map<String, String> environment,
      Clock clock) {
    this.stage = stage;
    this.config = config;
    this.logic = instantiate(stage, config, environment, clock);
    this.calls = calls;
    this.maxOutputBytes = maxOutputBytes;
  }

  @Override
  public String call(String document) {
    FutureTask<String> call = new FutureTask<>(() -> logic.call(stage, document));
    calls.execute(call);
    String output;
    try {
      output = call.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new UserLogicException(
          config.describe()
              + " timed out after "
              + config.timeout().toMillis()
              + " ms; the call was interrupted and abandoned");
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new UserLogicException(config.describe() + " was interrupted", e);
    } catch (ExecutionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new UserLogicException(config.describe() + " failed: " + cause, cause);
    }
    return checked(output);
  }

  private String checked(String output) {
    if (output == null) {
      throw new UserLogicException(config.describe() + " returned null; return \"\" for nothing");
    }
    if (output.getBytes(StandardCharsets.UTF_8).length > maxOutputBytes) {
      throw new UserLogicException(
          config.describe() + " returned more than " + maxOutputBytes + " bytes");
    }
    return output;
  }

  private static InProcessUserLogic instantiate(
      String stage, JavaMethodConfig config, Map<String, String> environment, Clock clock) {
    String where = stage + ".java.className";
    Class<?> loaded;
    try {
      loaded = Class.forName(config.className(), true, classLoader(stage, config));
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          where
              + ": cannot load "
              + config.describe()
              + " from the autoscaler's classpath and "
              + config.classpath()
              + ": "
              + e,
          e);
    }
    if (!InProcessUserLogic.class.isAssignableFrom(loaded)) {
      throw new IllegalArgumentException(
          where
              + ": "
              + config.describe()
              + " does not implement "
              + InProcessUserLogic.class.getName());
    }
    try {
      return (InProcessUserLogic) created(loaded, environment, clock);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalArgumentException(
          where
              + ": "
              + config.describe()
              + " needs a public constructor that takes a Map<String, String> (the CPA's"
              + " variables) and a Clock, a Map<String, String> alone, or nothing",
          e);
    } catch (InstantiationException | InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException(
          where + ": creating " + config.describe() + " failed: " + cause, cause);
    }
  }

  /**
   * An instance made with {@code environment} and {@code clock}, with {@code environment} alone, or
   * with no argument: the first constructor the class has.
   */
  private static Object created(Class<?> loaded, Map<String, String> environment, Clock clock)
      throws NoSuchMethodException,
          IllegalAccessException,
          InstantiationException,
          InvocationTargetException {
    Map<String, String> variables = Map.copyOf(environment);
    try {
      return loaded.getConstructor(Map.class, Clock.class).newInstance(variables, clock);
    } catch (NoSuchMethodException withoutClock) {
      try {
        return loaded.getConstructor(Map.class).newInstance(variables);
      } catch (NoSuchMethodException withoutVariables) {
        return loaded.getConstructor().newInstance();
      }
    }
  }

  private static ClassLoader classLoader(String stage, JavaMethodConfig config) {
    ClassLoader own = JavaMethod.class.getClassLoader();
    if (config.classpath().isEmpty()) {
      return own;
    }
    List<URL> urls = new ArrayList<>();
    for (int i = 0; i < config.classpath().size(); i++) {
      Path entry = config.classpath().get(i).toAbsolutePath();
      if (!Files.exists(entry)) {
        throw new IllegalArgumentException(
            stage + ".java.classpath[" + i + "]: " + entry + " does not exist");
      }
      try {
        urls.add(entry.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(
            stage + ".java.classpath[" + i + "]: " + entry + " is not a usable path", e);
      }
    }
    return new URLClassLoader(
        "cpa-" + stage + "-" + config.className(), urls.toArray(URL[]::new), own);
  }
}
