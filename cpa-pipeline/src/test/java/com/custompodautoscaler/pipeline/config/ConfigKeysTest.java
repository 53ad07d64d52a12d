package com.custompodautoscaler.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How the declared keys read: each key type's Java value, ranges and item paths. */
class ConfigKeysTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code json}, read as {@code type} at key {@code k}, gives {@code value}. */
  record Reading(String name, KeyType<?> type, String json, Object value) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code json}, read as {@code type} at key {@code k}, is refused at {@code path}. */
  record Refusal(String name, KeyType<?> type, String json, String path, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Reading> readings() {
    return Stream.of(
        new Reading("a string", KeyType.STRING, "\"web\"", "web"),
        new Reading("a boolean", KeyType.BOOLEAN, "true", true),
        new Reading("the largest int", KeyType.INTEGER, "2147483647", 2147483647),
        new Reading("a long beyond int", KeyType.LONG, "3000000000", 3000000000L),
        new Reading("a whole number written with a fraction", KeyType.LONG, "15000.0", 15000L),
        new Reading("a quantity as a string", KeyType.QUANTITY, "\"500m\"", "500m"),
        new Reading("a quantity as a number", KeyType.QUANTITY, "2", "2"),
        new Reading("a list", KeyType.listOf(KeyType.INTEGER), "[200, 204]", List.of(200, 204)),
        new Reading("a map", KeyType.mapOf(KeyType.STRING), "{\"a\": \"b\"}", Map.of("a", "b")));
  }

  static Stream<Refusal> refusals() {
    return Stream.of(
        new Refusal(
            "an int beyond int",
            KeyType.INTEGER,
            "2147483648",
            "k",
            "value 2147483648 is out of range"),
        new Refusal(
            "a long beyond long",
            KeyType.LONG,
            "1e19",
            "k",
            "value 10000000000000000000 is out of range"),
        new Refusal(
            "a fraction", KeyType.INTEGER, "2.5", "k", "expected an integer, got a number (2.5)"),
        new Refusal(
            "a string for a boolean",
            KeyType.BOOLEAN,
            "\"yes\"",
            "k",
            "expected true or false, got a string (\"yes\")"),
        new Refusal(
            "a wrong list item",
            KeyType.listOf(KeyType.INTEGER),
            "[200, \"ok\"]",
            "k[1]",
            "expected an integer, got a string (\"ok\")"),
        new Refusal(
            "a wrong map entry",
            KeyType.mapOf(KeyType.STRING),
            "{\"a\": \"b\", \"c\": 1}",
            "k.c",
            "expected a string, got a number (1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readings")
  void readsAsItsJavaType(Reading reading) throws Exception {
    ConfigProblems problems = new ConfigProblems();

    Optional<Object> read =
        reading.type().read(JSON.readTree(reading.json()), "k", problems).map(Object.class::cast);

    assertThat(read).contains(reading.value());
    assertThat(problems.sorted()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void reportsAWrongValueAtItsPath(Refusal refusal) throws Exception {
    ConfigProblems problems = new ConfigProblems();

    refusal.type().read(JSON.readTree(refusal.json()), "k", problems);

    assertThat(problems.sorted())
        .containsExactly(
            new ConfigProblem(ConfigProblem.Severity.ERROR, refusal.path(), refusal.message()));
  }

  @Test
  void aMapKeepsItsRightEntries() throws Exception {
    JsonNode written = JSON.readTree("{\"a\": \"b\", \"c\": 1}");

    Optional<Map<String, String>> read =
        KeyType.mapOf(KeyType.STRING).read(written, "k", new ConfigProblems());

    assertThat(read).contains(Map.of("a", "b"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ConfigBlock.class)
  void aBlockNamesEachKeyOnce(ConfigBlock block) {
    assertThat(block.keys().stream().map(Key::name)).doesNotHaveDuplicates();
  }

  @Test
  void aBlockReadsOnlyItsOwnKeys() {
    BlockReader top =
        new BlockReader(
            JsonNodeFactory.instance.objectNode(), ConfigBlock.TOP_LEVEL, "", new ConfigProblems());

    assertThatThrownBy(() -> top.get(MethodKeys.TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout is not a key of top level");
  }

  @Test
  void anAbsentKeyReadsAsItsDefault() {
    BlockReader api =
        new BlockReader(
            JsonNodeFactory.instance.objectNode(),
            ConfigBlock.API_CONFIG,
            "apiConfig",
            new ConfigProblems());

    assertThat(api.get(TopLevelKeys.PORT)).isEqualTo(5000);
    assertThat(api.find(TopLevelKeys.PORT)).isEmpty();
  }
}
