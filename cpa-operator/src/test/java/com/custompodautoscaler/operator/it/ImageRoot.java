package com.custompodautoscaler.operator.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an upstream example's image holds at "/" (its Dockerfile adds config.yaml and the scripts
 * there), copied into a test folder, since a test may not write to "/". The config's absolute paths
 * to those files are rewritten to the copies, and so is anything else the test names (a URL to a
 * local server); {@link #rewrites()} says what changed. The scripts are copied byte for byte; their
 * own files at "/" land here through {@code image-root-shim/sitecustomize.py}.
 */
record ImageRoot(Path dir, Path config, Map<String, String> rewrites) {

  /** A quoted absolute path to a file directly under "/", as in {@code - "/metric.py"}. */
  private static final Pattern ROOT_FILE = Pattern.compile("\"(/[^\"/]+)\"");

  /** Copies {@code example}'s files into {@code dir} and rewrites its config as said above. */
  static ImageRoot of(UpstreamExample example, Path dir, Map<String, String> replacements)
      throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(example.folder())) {
      for (Path file : files.toList()) {
        // Files.copy follows the fixtures' links, so each copy is a plain file, as in an image.
        Files.copy(file, dir.resolve(file.getFileName().toString()));
      }
    }
    String original = example.read("config.yaml");
    Map<String, String> rewrites = new LinkedHashMap<>();
    String rewritten = rewriteRootFiles(original, dir, rewrites);
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      rewritten = rewritten.replace(replacement.getKey(), replacement.getValue());
      rewrites.put(replacement.getKey(), replacement.getValue());
    }
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, rewritten, StandardCharsets.UTF_8);
    return new ImageRoot(dir, config, rewrites);
  }

  /** The config as the test runs it. */
  String configText() throws IOException {
    return Files.readString(config, StandardCharsets.UTF_8);
  }

  /** The config with every rewrite undone: the fixture's bytes again if nothing else changed. */
  String undone() throws IOException {
    String text = configText();
    List<Map.Entry<String, String>> reversed = new ArrayList<>(rewrites.entrySet());
    Collections.reverse(reversed);
    for (Map.Entry<String, String> rewrite : reversed) {
      text = text.replace(rewrite.getValue(), rewrite.getKey());
    }
    return text;
  }

  /**
   * The environment under which Python user logic finds "/" here: the shim's folder on PYTHONPATH
   * and this folder as the image's root.
   */
  Map<String, String> pythonEnvironment() {
    return Map.of(
        "PYTHONPATH", UpstreamExample.shared("image-root-shim").toString(),
        "UPSTREAM_IMAGE_ROOT", dir.toString());
  }

  private static String rewriteRootFiles(String config, Path dir, Map<String, String> rewrites) {
    Matcher matcher = ROOT_FILE.matcher(config);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String path = matcher.group(1);
      Path copy = dir.resolve(path.substring(1));
      String replacement = Files.exists(copy) ? copy.toString() : path;
      if (!replacement.equals(path)) {
        rewrites.put(path, replacement);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement("\"" + replacement + "\""));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
