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
import java.util.Map;
import java.util.stream.Stream;

/** A folder that ships inside this build (the jar, or the classes folder in tests), copied out. */
final class BundledFolder {

  private BundledFolder() {}

  /** Copies the bundled folder {@code resource} to {@code target}; returns {@code target}. */
  static Path copy(String resource, Path target) throws IOException {
    URL url = BundledFolder.class.getResource(resource);
    if (url == null) {
      throw new IOException(resource + " is missing from this build");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          copyTree(jar.getPath(resource), target);
        }
      } else {
        copyTree(Path.of(uri), target);
      }
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate " + resource + ": " + e.getMessage(), e);
    }
    return target;
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
