package com.custompodautoscaler.playground;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The examples the playground can run: the folders of {@code examples/} that hold a {@code
 * playground.yaml}. They ship inside the jar and are copied to a working folder, where the
 * autoscaler runs their commands.
 */
public final class ExampleLibrary {

  private static final String RESOURCE = "/playground/examples";
  static final String SCRIPT_FILE = "playground.yaml";
  static final String CONFIG_FILE = "config.yaml";

  private final Path root;

  private ExampleLibrary(Path root) {
    this.root = root;
  }

  /** The examples in a folder, as they are (used by tests on the repository's own examples). */
  public static ExampleLibrary in(Path examples) {
    return new ExampleLibrary(examples);
  }

  /** The examples shipped in this jar, copied into {@code workDir}. */
  public static ExampleLibrary extractedTo(Path workDir) throws IOException {
    return new ExampleLibrary(BundledFolder.copy(RESOURCE, workDir.resolve("examples")));
  }

  /** The names of the examples the playground can run, sorted. */
  public List<String> names() throws IOException {
    try (Stream<Path> folders = Files.list(root)) {
      return folders
          .filter(folder -> Files.isRegularFile(folder.resolve(SCRIPT_FILE)))
          .map(folder -> folder.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  /** The folder of example {@code name}; it must be one of {@link #names()}. */
  public Path folder(String name) throws IOException {
    Path folder = root.resolve(name).normalize();
    if (!folder.startsWith(root) || !Files.isRegularFile(folder.resolve(SCRIPT_FILE))) {
      throw new IOException(
          "no example called '" + name + "'; the examples are: " + String.join(", ", names()));
    }
    return folder;
  }
}
