package com.custompodautoscaler.playground;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
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
    URL url = ExampleLibrary.class.getResource(RESOURCE);
    if (url == null) {
      throw new IOException("the examples are missing from this build");
    }
    Path target = workDir.resolve("examples");
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          copyTree(jar.getPath(RESOURCE), target);
        }
      } else {
        copyTree(Path.of(uri), target);
      }
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the examples: " + e.getMessage(), e);
    }
    return new ExampleLibrary(target);
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

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path destination = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
