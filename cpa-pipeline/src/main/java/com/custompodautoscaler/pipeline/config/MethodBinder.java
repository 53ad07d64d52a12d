package com.custompodautoscaler.pipeline.config;

import static com.custompodautoscaler.pipeline.config.MethodKeys.CA_CERT;
import static com.custompodautoscaler.pipeline.config.MethodKeys.CLASSPATH;
import static com.custompodautoscaler.pipeline.config.MethodKeys.CLASS_NAME;
import static com.custompodautoscaler.pipeline.config.MethodKeys.CLIENT_CERT;
import static com.custompodautoscaler.pipeline.config.MethodKeys.CLIENT_KEY;
import static com.custompodautoscaler.pipeline.config.MethodKeys.COMMAND;
import static com.custompodautoscaler.pipeline.config.MethodKeys.ENTRYPOINT;
import static com.custompodautoscaler.pipeline.config.MethodKeys.HEADERS;
import static com.custompodautoscaler.pipeline.config.MethodKeys.HTTP;
import static com.custompodautoscaler.pipeline.config.MethodKeys.HTTP_METHOD;
import static com.custompodautoscaler.pipeline.config.MethodKeys.JAVA;
import static com.custompodautoscaler.pipeline.config.MethodKeys.LOG_STDERR;
import static com.custompodautoscaler.pipeline.config.MethodKeys.PARAMETER_MODE;
import static com.custompodautoscaler.pipeline.config.MethodKeys.PROCESSES;
import static com.custompodautoscaler.pipeline.config.MethodKeys.SHELL;
import static com.custompodautoscaler.pipeline.config.MethodKeys.SUCCESS_CODES;
import static com.custompodautoscaler.pipeline.config.MethodKeys.TIMEOUT;
import static com.custompodautoscaler.pipeline.config.MethodKeys.TYPE;
import static com.custompodautoscaler.pipeline.config.MethodKeys.URL;
import static com.custompodautoscaler.pipeline.config.MethodKeys.WORKER;
import static com.custompodautoscaler.pipeline.config.MethodKeys.WORKER_LOG_STDERR;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks one method block ({@code metric}, {@code evaluate} or a hook). */
final class MethodBinder {

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
  private static final Set<String> HEADERS_JAVA_SETS_ITSELF =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final String TYPES = "shell, http, java or worker";
  private static final List<Key<BlockReader>> TYPE_BLOCKS = List.of(SHELL, HTTP, JAVA, WORKER);

  private MethodBinder() {}

  static Optional<MethodConfig> bind(BlockReader method) {
    Optional<Duration> timeout = timeout(method);
    Optional<String> type = method.find(TYPE);
    if (type.isEmpty()) {
      if (!method.has(TYPE)) {
        method.problems().error(method.path(TYPE), "missing; expected " + TYPES);
      }
      return Optional.empty();
    }
    return switch (type.get()) {
      case "shell" -> shell(method, timeout);
      case "http" -> http(method, timeout);
      case "java" -> java(method, timeout);
      case "worker" -> worker(method, timeout);
      default -> {
        method
            .problems()
            .error(
                method.path(TYPE), "unknown method type \"" + type.get() + "\"; expected " + TYPES);
        yield Optional.empty();
      }
    };
  }

  private static Optional<Duration> timeout(BlockReader method) {
    int millis = method.get(TIMEOUT);
    if (millis <= 0) {
      method
          .problems()
          .error(method.path(TIMEOUT), "must be a positive number of milliseconds, got " + millis);
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(millis));
  }

  private static Optional<BlockReader> requiredBlock(
      BlockReader method, Key<BlockReader> key, String need) {
    if (!method.has(key)) {
      method
          .problems()
          .error(method.path(key), "missing; a method of type " + key.name() + " needs " + need);
      return Optional.empty();
    }
    for (Key<BlockReader> unused : TYPE_BLOCKS) {
      if (!unused.equals(key) && method.has(unused)) {
        method
            .problems()
            .warning(method.path(unused), "ignored, since the method's type is " + key.name());
      }
    }
    return method.find(key);
  }

  private static Optional<MethodConfig> shell(BlockReader method, Optional<Duration> timeout) {
    Optional<BlockReader> found =
        requiredBlock(method, SHELL, "shell.entrypoint, the program to run");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BlockReader shell = found.get();
    Optional<String> entrypoint = nonBlank(shell, ENTRYPOINT, "the program to run");
    Optional<List<String>> command =
        shell.has(COMMAND) ? shell.find(COMMAND) : Optional.of(List.of());
    boolean logStderr = shell.get(LOG_STDERR);
    if (timeout.isEmpty() || entrypoint.isEmpty() || command.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ShellMethodConfig(timeout.get(), entrypoint.get(), command.get(), logStderr));
  }

  private static Optional<MethodConfig> worker(BlockReader method, Optional<Duration> timeout) {
    Optional<BlockReader> found =
        requiredBlock(method, WORKER, "worker.entrypoint, the program to start");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BlockReader worker = found.get();
    Optional<String> entrypoint = nonBlank(worker, ENTRYPOINT, "the program to start");
    Optional<List<String>> command =
        worker.has(COMMAND) ? worker.find(COMMAND) : Optional.of(List.of());
    int processes = worker.get(PROCESSES);
    if (processes < 1) {
      worker.problems().error(worker.path(PROCESSES), "must be at least 1, got " + processes);
    }
    if (timeout.isEmpty() || entrypoint.isEmpty() || command.isEmpty() || processes < 1) {
      return Optional.empty();
    }
    return Optional.of(
        new WorkerMethodConfig(
            timeout.get(),
            entrypoint.get(),
            command.get(),
            processes,
            worker.get(WORKER_LOG_STDERR)));
  }

  private static Optional<MethodConfig> java(BlockReader method, Optional<Duration> timeout) {
    Optional<BlockReader> found = requiredBlock(method, JAVA, "java.className, the class to call");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BlockReader java = found.get();
    Optional<String> className = nonBlank(java, CLASS_NAME, "the class to call");
    Optional<List<String>> classpath =
        java.has(CLASSPATH) ? java.find(CLASSPATH) : Optional.of(List.of());
    if (timeout.isEmpty() || className.isEmpty() || classpath.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new JavaMethodConfig(
            timeout.get(), className.get(), classpath.get().stream().map(Path::of).toList()));
  }

  private static Optional<MethodConfig> http(BlockReader method, Optional<Duration> timeout) {
    Optional<BlockReader> found = requiredBlock(method, HTTP, "http.url and http.parameterMode");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BlockReader http = found.get();
    Optional<String> verb = verb(http);
    Optional<URI> url = url(http);
    Optional<Map<String, String>> headers = headers(http);
    Optional<SuccessCodes> successCodes = successCodes(http);
    Optional<ParameterMode> parameterMode = parameterMode(http);
    Optional<TlsFiles> tls = tls(http);
    if (timeout.isEmpty()
        || verb.isEmpty()
        || url.isEmpty()
        || headers.isEmpty()
        || successCodes.isEmpty()
        || parameterMode.isEmpty()
        || tls.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new HttpMethodConfig(
            timeout.get(),
            verb.get(),
            url.get(),
            headers.get(),
            successCodes.get(),
            parameterMode.get(),
            tls.get()));
  }

  private static Optional<String> verb(BlockReader http) {
    String verb = http.get(HTTP_METHOD);
    String effective = verb.isEmpty() ? "GET" : verb;
    if (!TOKEN.matcher(effective).matches() || effective.equalsIgnoreCase("CONNECT")) {
      http.problems().error(http.path(HTTP_METHOD), "invalid HTTP method \"" + verb + "\"");
      return Optional.empty();
    }
    return Optional.of(effective);
  }

  private static Optional<URI> url(BlockReader http) {
    Optional<String> text = nonBlank(http, URL, "the URL to call");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI url = new URI(text.get());
      String scheme = url.getScheme();
      if (url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        http.problems()
            .error(
                http.path(URL),
                "must be an absolute http or https URL, got \"" + text.get() + "\"");
        return Optional.empty();
      }
      return Optional.of(url);
    } catch (URISyntaxException e) {
      http.problems().error(http.path(URL), "invalid URL: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<Map<String, String>> headers(BlockReader http) {
    if (!http.has(HEADERS)) {
      return Optional.of(Map.of());
    }
    Optional<Map<String, String>> headers = http.find(HEADERS);
    boolean valid = headers.isPresent();
    for (String name : headers.orElse(Map.of()).keySet()) {
      if (!TOKEN.matcher(name).matches()) {
        http.problems().error(http.path(HEADERS) + "." + name, "invalid header name");
        valid = false;
      } else if (HEADERS_JAVA_SETS_ITSELF.contains(name.toLowerCase())) {
        http.problems()
            .error(
                http.path(HEADERS) + "." + name,
                "this header is set by the HTTP client itself and cannot be configured");
        valid = false;
      }
    }
    return valid ? headers : Optional.empty();
  }

  private static Optional<SuccessCodes> successCodes(BlockReader http) {
    if (!http.has(SUCCESS_CODES)) {
      return Optional.of(SuccessCodes.anyTwoHundred());
    }
    Optional<List<Integer>> codes = http.find(SUCCESS_CODES);
    if (codes.isEmpty()) {
      return Optional.empty();
    }
    if (codes.get().isEmpty()) {
      http.problems()
          .error(
              http.path(SUCCESS_CODES),
              "is empty, so no response could ever succeed; list the codes or leave the key out"
                  + " to accept any 2xx");
      return Optional.empty();
    }
    Set<Integer> valid = new HashSet<>();
    for (int code : codes.get()) {
      if (code < 100 || code > 599) {
        http.problems().error(http.path(SUCCESS_CODES), "invalid HTTP status " + code);
      } else {
        valid.add(code);
      }
    }
    return valid.size() == Set.copyOf(codes.get()).size()
        ? Optional.of(SuccessCodes.of(valid))
        : Optional.empty();
  }

  private static Optional<ParameterMode> parameterMode(BlockReader http) {
    String allowed = String.join(" or ", ParameterMode.wireNames());
    if (!http.has(PARAMETER_MODE)) {
      http.problems().error(http.path(PARAMETER_MODE), "missing; expected " + allowed);
      return Optional.empty();
    }
    Optional<String> mode = http.find(PARAMETER_MODE);
    Optional<ParameterMode> parsed = mode.flatMap(ParameterMode::fromWireName);
    if (mode.isPresent() && parsed.isEmpty()) {
      http.problems()
          .error(
              http.path(PARAMETER_MODE),
              "unknown parameter mode \"" + mode.get() + "\"; expected " + allowed);
    }
    return parsed;
  }

  private static Optional<TlsFiles> tls(BlockReader http) {
    String caCert = http.get(CA_CERT);
    String clientCert = http.get(CLIENT_CERT);
    String clientKey = http.get(CLIENT_KEY);
    TlsFiles tls = caCert.isEmpty() ? TlsFiles.none() : TlsFiles.none().withCaCert(Path.of(caCert));
    if (clientCert.isEmpty() != clientKey.isEmpty()) {
      Key<String> missing = clientCert.isEmpty() ? CLIENT_CERT : CLIENT_KEY;
      Key<String> present = clientCert.isEmpty() ? CLIENT_KEY : CLIENT_CERT;
      http.problems().error(http.path(missing), "missing; " + present.name() + " needs it too");
      return Optional.empty();
    }
    return Optional.of(
        clientCert.isEmpty()
            ? tls
            : tls.withClientCertificate(Path.of(clientCert), Path.of(clientKey)));
  }

  /** A required string that must not be blank. */
  static Optional<String> nonBlank(BlockReader block, Key<String> key, String what) {
    if (!block.has(key)) {
      block.problems().error(block.path(key), "missing; expected " + what);
      return Optional.empty();
    }
    Optional<String> value = block.find(key);
    if (value.isPresent() && value.get().isBlank()) {
      block.problems().error(block.path(key), "must not be empty; expected " + what);
      return Optional.empty();
    }
    return value;
  }
}
