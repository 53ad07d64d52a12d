package com.custompodautoscaler.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON type a configuration key holds. The schema check reports every value whose JSON type is
 * not its key's, and the documentation names each key's type from it.
 */
sealed interface ValueType {

  /** Whether {@code value}, which is not null, has this type. */
  boolean accepts(JsonNode value);

  /** The type with its article, as messages write it: "an integer". */
  String expected();

  /** The type as the documentation's tables write it: "list of strings". */
  String documented();

  /** The type in a list's documentation: "strings". */
  String plural();

  /** A scalar of one JSON type. */
  enum Scalar implements ValueType {
    STRING("a string", "string", "strings"),
    /** A whole number; {@code 15000.0} is one too, as YAML writes some whole numbers. */
    INTEGER("an integer", "integer", "integers"),
    NUMBER("a number", "number", "numbers"),
    BOOLEAN("true or false", "boolean", "booleans"),
    /** A Kubernetes quantity, written as a string ({@code 500m}) or a number ({@code 2}). */
    QUANTITY("a quantity (a string such as 500m, or a number)", "quantity", "quantities");

    private final String expected;
    private final String documented;
    private final String plural;

    Scalar(String expected, String documented, String plural) {
      this.expected = expected;
      this.documented = documented;
      this.plural = plural;
    }

    @Override
    public boolean accepts(JsonNode value) {
      return switch (this) {
        case STRING -> value.isTextual();
        case INTEGER -> isWholeNumber(value);
        case NUMBER -> value.isNumber();
        case BOOLEAN -> value.isBoolean();
        case QUANTITY -> value.isTextual() || value.isNumber();
      };
    }

    @Override
    public String expected() {
      return expected;
    }

    @Override
    public String documented() {
      return documented;
    }

    @Override
    public String plural() {
      return plural;
    }

    /** An integral number, or a floating-point one without a fraction. */
    static boolean isWholeNumber(JsonNode value) {
      if (value.isIntegralNumber()) {
        return true;
      }
      return value.isFloatingPointNumber()
          && value.decimalValue().stripTrailingZeros().scale() <= 0;
    }
  }

  /** An object whose keys are those of {@code block}. */
  record Nested(ConfigBlock block) implements ValueType {

    @Override
    public boolean accepts(JsonNode value) {
      return value.isObject();
    }

    @Override
    public String expected() {
      return "an object";
    }

    @Override
    public String documented() {
      return block.noun();
    }

    @Override
    public String plural() {
      return block.plural();
    }
  }

  /** A list whose every item is {@code item}. */
  record ListOf(ValueType item) implements ValueType {

    @Override
    public boolean accepts(JsonNode value) {
      return value.isArray();
    }

    @Override
    public String expected() {
      return "a list";
    }

    @Override
    public String documented() {
      return "list of " + item.plural();
    }

    @Override
    public String plural() {
      return "lists";
    }
  }

  /** An object of any keys whose every value is {@code value}. */
  record MapOf(ValueType value) implements ValueType {

    @Override
    public boolean accepts(JsonNode node) {
      return node.isObject();
    }

    @Override
    public String expected() {
      return "an object of " + value.plural();
    }

    @Override
    public String documented() {
      return "map of " + value.plural();
    }

    @Override
    public String plural() {
      return "maps";
    }
  }
}
