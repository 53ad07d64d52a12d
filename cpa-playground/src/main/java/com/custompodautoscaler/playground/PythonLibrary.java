package com.custompodautoscaler.playground;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Python library the autoscaler images carry (cpa_worker, for workers written in Python), for
 * the autoscaler the playground starts: copied out of this build once, to a folder its Python finds
 * through {@code PYTHONPATH}.
 */
final class PythonLibrary {

  private static final String RESOURCE = "/playground/python";
  private static Path folder;

  private PythonLibrary() {}

  /** The folder, copied on first use and deleted when this JVM exits. */
  static synchronized Path folder() throws IOException {
    if (folder == null) {
      Path created = Files.createTempDirectory("cpa-python");
      created.toFile().deleteOnExit();
      BundledFolder.copy(RESOURCE, created);
      try (var files = Files.list(created)) {
        files.forEach(file -> file.toFile().deleteOnExit());
      }
      folder = created;
    }
    return folder;
  }

  /** {@code PYTHONPATH} with the folder first, then what the environment had. */
  static String pythonPath() throws IOException {
    String inherited = System.getenv("PYTHONPATH");
    return inherited == null || inherited.isEmpty()
        ? folder().toString()
        : folder() + File.pathSeparator + inherited;
  }
}
