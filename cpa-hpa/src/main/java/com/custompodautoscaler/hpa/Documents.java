package com.custompodautoscaler.hpa;

import com.custompodautoscaler.api.wire.EvaluateInput;
import com.custompodautoscaler.api.wire.MetricInput;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stage documents read into cpa-api's wire records, and written from records. Numbers must be
 * whole numbers as written (no strings, no fractions), so a wrong one is named by its path.
 */
final class Documents {

  private static final Set<Class<?>> WHOLE_NUMBERS =
      Set.of(int.class, Integer.class, long.class, Long.class);

  private static final ObjectMapper JSON = strictMapper();

  private Documents() {}

  /**
   * {@code document} read as a {@code type}; {@code what} names it in the error when it is not a
   * JSON object.
   */
  static <T> T read(String document, String what, Class<T> type) {
    JsonNode tree = parse(document, what);
    try {
      return JSON.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      throw mismatch(e, tree);
    } catch (JsonProcessingException e) {
      throw new HpaInputException(what + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as JSON. */
  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** The whole number {@code value}, which {@code path} names in the error when it is absent. */
  static long whole(Long value, String path) {
    if (value == null) {
      throw notWhole(path, "nothing");
    }
    return value;
  }

  /** As {@link #whole(Long, String)}. */
  static int whole(Integer value, String path) {
    if (value == null) {
      throw notWhole(path, "nothing");
    }
    return value;
  }

  /** The error for {@code path}, which holds {@code found} (as JSON) where a number belongs. */
  static HpaInputException notWhole(String path, String found) {
    return new HpaInputException(path + " must be a whole number, got " + found);
  }

  private static JsonNode parse(String document, String what) {
    try {
      JsonNode parsed = JSON.readTree(document);
      if (parsed == null || !parsed.isObject()) {
        throw new HpaInputException(what + " is not a JSON object");
      }
      return parsed;
    } catch (JsonProcessingException e) {
      throw new HpaInputException(what + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A value of the wrong type, or a missing number, named by its path and what it holds. */
  private static HpaInputException mismatch(JsonMappingException e, JsonNode document) {
    StringBuilder path = new StringBuilder();
    JsonNode found = document;
    for (JsonMappingException.Reference step : e.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
        found = found.path(step.getFieldName());
      } else {
        path.append('[').append(step.getIndex()).append(']');
        found = found.path(step.getIndex());
      }
    }
    Optional<String> expected =
        e instanceof MismatchedInputException m ? expectation(m.getTargetType()) : Optional.empty();
    if (expected.isEmpty()) {
      return new HpaInputException(path + ": " + e.getOriginalMessage(), e);
    }
    String holds = found.isMissingNode() ? "nothing" : found.toString();
    return new HpaInputException(path + " must be " + expected.get() + ", got " + holds, e);
  }

  /** What a value of {@code type} must be, in a message's words. */
  private static Optional<String> expectation(Class<?> type) {
    if (type == null) {
      return Optional.empty();
    }
    if (WHOLE_NUMBERS.contains(type)) {
      return Optional.of("a whole number");
    }
    if (type == String.class) {
      return Optional.of("a string");
    }
    return Optional.of(
        Collection.class.isAssignableFrom(type) || type.isArray() ? "a list" : "an object");
  }

  private static ObjectMapper strictMapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .addMixIn(MetricInput.class, TargetAsWritten.class)
            .addMixIn(EvaluateInput.class, EvaluateInputAsWritten.class);
    for (CoercionInputShape shape :
        List.of(CoercionInputShape.String, CoercionInputShape.EmptyString)) {
      mapper.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
  }

  /** The stage documents' {@code resource}, the target, kept as the JSON it is. */
  private abstract static class TargetAsWritten {
    @JsonDeserialize(using = RawJson.class)
    String resource;
  }

  /** The evaluate input's target and the state kept for the logic, each as the JSON it is. */
  private abstract static class EvaluateInputAsWritten {
    @JsonDeserialize(using = RawJson.class)
    String resource;

    @JsonDeserialize(using = RawJson.class)
    String state;
  }

  /** A JSON value as its text, the reverse of {@code @JsonRawValue}. */
  private static final class RawJson extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return parser.readValueAsTree().toString();
    }
  }
}
