package com.custompodautoscaler.pipeline.method;

import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.pipeline.config.HttpMethodConfig;
import com.custompodautoscaler.pipeline.config.ParameterMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the stage document in an HTTP request and returns the response body verbatim, as CPA v2's
 * http method does. The client is built once and reused; the timeout covers the whole exchange,
 * body included; the body is capped; and a method without success codes accepts any 2xx.
 */
public final class HttpMethod implements MethodRunner {

  private static final Logger log = LoggerFactory.getLogger(HttpMethod.class);
  private static final int BODY_IN_MESSAGE_CHARS = 1000;

  private final String stage;
  private final HttpMethodConfig config;
  private final HttpClient client;
  private final int maxOutputBytes;

  public HttpMethod(String stage, HttpMethodConfig config, HttpClient client, int maxOutputBytes) {
    this.stage = stage;
    this.config = config;
    this.client = client;
    this.maxOutputBytes = maxOutputBytes;
  }

  @Override
  public String call(String document) {
    HttpRequest request = request(document);
    String subject = config.method() + " " + request.uri();
    log.trace("making HTTP request for {}: {}", stage, subject);
    HttpResponse<String> response = send(request, subject);
    if (!config.successCodes().accepts(response.statusCode())) {
      throw new UserLogicException(
          "HTTP request failed, status: ["
              + response.statusCode()
              + "], response: '"
              + abbreviate(response.body())
              + "'");
    }
    return response.body();
  }

  private HttpRequest request(String document) {
    boolean inBody = config.parameterMode() == ParameterMode.BODY;
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(inBody ? config.url() : withValueParameter(config.url(), document))
            .timeout(config.timeout())
            .method(
                config.method(),
                inBody ? BodyPublishers.ofString(document) : BodyPublishers.noBody());
    config.headers().forEach(builder::header);
    boolean contentTypeSet =
        config.headers().keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Content-Type"));
    if (inBody && !contentTypeSet) {
      builder.header("Content-Type", "application/json");
    }
    return builder.build();
  }

  /** The URL with the document appended as query parameter {@code value}, the rest untouched. */
  static URI withValueParameter(URI url, String document) {
    String text = url.toString();
    String fragment = url.getRawFragment() == null ? "" : "#" + url.getRawFragment();
    String beforeFragment = text.substring(0, text.length() - fragment.length());
    String separator = url.getRawQuery() == null ? "?" : "&";
    return URI.create(
        beforeFragment
            + separator
            + "value="
            + URLEncoder.encode(document, StandardCharsets.UTF_8)
            + fragment);
  }

  private HttpResponse<String> send(HttpRequest request, String subject) {
    CompletableFuture<HttpResponse<String>> exchange =
        client.sendAsync(request, info -> new BoundedBodySubscriber(maxOutputBytes));
    try {
      return exchange.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw timedOut(subject, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw timedOut(subject, cause);
      }
      String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      throw new UserLogicException(subject + ": " + reason, cause);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new UserLogicException(subject + ": interrupted", e);
    }
  }

  private UserLogicException timedOut(String subject, Throwable cause) {
    return new UserLogicException(
        subject + ": timed out after " + config.timeout().toMillis() + " ms", cause);
  }

  private static String abbreviate(String body) {
    return body.length() <= BODY_IN_MESSAGE_CHARS
        ? body
        : body.substring(0, BODY_IN_MESSAGE_CHARS) + "...";
  }
}
