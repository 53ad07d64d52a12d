package com.custompodautoscaler.pipeline.method;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Finds programs the way a shell does: a name with a slash as is, other names on {@code PATH}. */
public final class Executables {

  private Executables() {}

  /** {@code program} as a shell would run it, if it is there and executable. */
  public static Optional<Path> find(String program) {
    if (program.contains("/")) {
      Path path = Path.of(program);
      return Files.isExecutable(path) && !Files.isDirectory(path)
          ? Optional.of(path)
          : Optional.empty();
    }
    String searchPath = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(searchPath.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, program))
        .filter(path -> Files.isExecutable(path) && !Files.isDirectory(path))
        .findFirst();
  }
}
