package com.custompodautoscaler.pipeline.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the autoscaler configuration as CPA v2 does (file, then environment variables named like
 * keys) and validates it, reporting every problem at once.
 */
public final class ConfigLoader {

  /** The environment variable that names the config file, as in CPA v2. */
  public static final String CONFIG_PATH_ENV = "configPath";

  /** Where the config file is read from when nothing else names it. */
  public static final Path DEFAULT_PATH = Path.of("/config.yaml");

  private ConfigLoader() {}

  /** The config file: the flag if given, else env {@code configPath} if set, else the default. */
  public static Path configPath(Optional<Path> flag, Map<String, String> env) {
    return flag.orElseGet(
        () -> env.containsKey(CONFIG_PATH_ENV) ? Path.of(env.get(CONFIG_PATH_ENV)) : DEFAULT_PATH);
  }

  /** Reads {@code file} and applies {@code env}. */
  public static LoadedConfig load(Path file, Map<String, String> env)
      throws InvalidConfigException {
    String source = file.toString();
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw failure(
          source,
          "the config file does not exist; name it with --config or the "
              + CONFIG_PATH_ENV
              + " environment variable");
    } catch (IOException e) {
      throw failure(source, "the config file cannot be read: " + e);
    }
    return load(content, source, env);
  }

  /** Parses {@code content}, named {@code source} in messages, and applies {@code env}. */
  public static LoadedConfig load(String content, String source, Map<String, String> env)
      throws InvalidConfigException {
    ConfigProblems problems = new ConfigProblems();
    Optional<ObjectNode> tree = ConfigTree.parseFile(content, problems);
    if (tree.isEmpty()) {
      throw new InvalidConfigException(source, problems.sorted());
    }
    ConfigTree.applyEnvironment(tree.get(), env, problems);
    Optional<AutoscalerConfig> config = ConfigBinder.bind(tree.get(), problems);
    if (config.isEmpty()) {
      throw new InvalidConfigException(source, problems.sorted());
    }
    return new LoadedConfig(config.get(), problems.sorted(), source);
  }

  private static InvalidConfigException failure(String source, String message) {
    return new InvalidConfigException(
        source, List.of(new ConfigProblem(ConfigProblem.Severity.ERROR, "", message)));
  }
}
