package com.custompodautoscaler.pipeline.testing;

import java.nio.file.Path;

/** Files of the repository that tests use as they are: examples, manifests, docs. */
public final class ProjectFiles {

  private ProjectFiles() {}

  /** The repository root; the build names it, and tests run from a module folder otherwise. */
  public static Path root() {
    return Path.of(System.getProperty("cpa.project.root", "..")).toAbsolutePath().normalize();
  }

  public static Path resolve(String relative) {
    return root().resolve(relative);
  }
}
