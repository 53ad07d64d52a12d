package com.custompodautoscaler.pipeline.config;

import static com.custompodautoscaler.pipeline.config.KeyType.BOOLEAN;
import static com.custompodautoscaler.pipeline.config.KeyType.INTEGER;
import static com.custompodautoscaler.pipeline.config.KeyType.STRING;

import java.util.List;
import java.util.Map;

/**
 * The keys of a method block and of its {@code shell}, {@code http}, {@code java} and {@code
 * worker} blocks.
 */
final class MethodKeys {

  static final Key<String> TYPE =
      Key.required("type", STRING, "`shell`, `http`, `java` or `worker`.");
  static final DefaultedKey<Integer> TIMEOUT =
      Key.withDefault(
          "timeout",
          INTEGER.in("ms"),
          5000,
          "Longest a call may take; a shell command is killed with its whole process tree.");
  static final Key<BlockReader> SHELL =
      Key.optional(
          "shell", KeyType.block(ConfigBlock.SHELL), "none", "Required when `type` is `shell`.");
  static final Key<BlockReader> HTTP =
      Key.optional(
          "http", KeyType.block(ConfigBlock.HTTP), "none", "Required when `type` is `http`.");
  static final Key<BlockReader> JAVA =
      Key.optional(
          "java", KeyType.block(ConfigBlock.JAVA), "none", "Required when `type` is `java`.");
  static final Key<BlockReader> WORKER =
      Key.optional(
          "worker", KeyType.block(ConfigBlock.WORKER), "none", "Required when `type` is `worker`.");

  static final Key<String> ENTRYPOINT =
      Key.required(
          "entrypoint", STRING, "Program to run, looked up on `PATH` when it has no slash.");
  static final Key<List<String>> COMMAND =
      Key.optional("command", KeyType.listOf(STRING), "[]", "Arguments passed to the program.");
  static final DefaultedKey<Boolean> LOG_STDERR =
      Key.withDefault("logStderr", BOOLEAN, false, "Log stderr of successful calls too.");

  static final DefaultedKey<Integer> PROCESSES =
      Key.withDefault(
          "processes",
          INTEGER,
          1,
          "Workers answering calls at once, one call each; a per-pod run uses up to"
              + " `perPodConcurrency` of them.");
  static final DefaultedKey<Boolean> WORKER_LOG_STDERR =
      Key.withDefault(
          "logStderr", BOOLEAN, false, "Log the worker's stderr lines at INFO rather than DEBUG.");

  static final Key<String> CLASS_NAME =
      Key.required(
          "className",
          STRING,
          "A public class that implements `com.custompodautoscaler.api.spi.InProcessUserLogic`,"
              + " with a public constructor that takes the CPA's variables as a `Map<String,"
              + " String>` or none.");
  static final Key<List<String>> CLASSPATH =
      Key.optional(
          "classpath",
          KeyType.listOf(STRING),
          "[]",
          "Jar files or class folders to load it from, besides the autoscaler's own; relative"
              + " paths resolve from the working directory.");

  static final DefaultedKey<String> HTTP_METHOD =
      Key.withDefault("method", STRING, "GET", "HTTP method.");
  static final Key<String> URL = Key.required("url", STRING, "Absolute `http` or `https` URL.");
  static final Key<Map<String, String>> HEADERS =
      Key.optional("headers", KeyType.mapOf(STRING), "{}", "Headers added to every request.");
  static final Key<List<Integer>> SUCCESS_CODES =
      Key.optional(
          "successCodes",
          KeyType.listOf(INTEGER),
          "any 2xx",
          "Statuses that count as success; an explicitly empty list is an error.");
  static final Key<String> PARAMETER_MODE =
      Key.required(
          "parameterMode",
          STRING,
          "`query` adds the document as query parameter `value`; `body` sends it as the body.");
  static final DefaultedKey<String> CA_CERT =
      Key.withDefault(
          "caCert", STRING, "", "PEM CA certificates to trust instead of the system's.");
  static final DefaultedKey<String> CLIENT_CERT =
      Key.withDefault("clientCert", STRING, "", "PEM client certificate, with `clientKey`.");
  static final DefaultedKey<String> CLIENT_KEY =
      Key.withDefault("clientKey", STRING, "", "PEM client private key, with `clientCert`.");

  static final List<Key<?>> OF_METHOD = List.of(TYPE, TIMEOUT, SHELL, HTTP, JAVA, WORKER);
  static final List<Key<?>> OF_SHELL = List.of(ENTRYPOINT, COMMAND, LOG_STDERR);
  static final List<Key<?>> OF_WORKER = List.of(ENTRYPOINT, COMMAND, PROCESSES, WORKER_LOG_STDERR);
  static final List<Key<?>> OF_JAVA = List.of(CLASS_NAME, CLASSPATH);
  static final List<Key<?>> OF_HTTP =
      List.of(
          HTTP_METHOD,
          URL,
          HEADERS,
          SUCCESS_CODES,
          PARAMETER_MODE,
          CA_CERT,
          CLIENT_CERT,
          CLIENT_KEY);

  private MethodKeys() {}
}
