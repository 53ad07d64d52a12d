package com.custompodautoscaler.playground;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the jar of an example whose logic is Java, for its {@code java} methods: compiles its
 * sources against the playground's own classes (which hold {@code cpa-api} and Jackson, as the
 * autoscaler does) and packs the classes into the jar the example's config names.
 */
final class JarBuilder {

  private JarBuilder() {}

  /** Compiles {@code build}'s sources in {@code folder} into the jar it names there. */
  static Path build(ExampleScript.JavaBuild build, Path folder) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IOException(
          "compiling " + build.sources() + " needs a JDK, and this Java is a runtime only");
    }
    Path classes = Files.createTempDirectory("cpa-playground-classes");
    try {
      compile(compiler, build, folder, classes);
      Path jar = folder.resolve(build.jar());
      pack(classes, jar);
      return jar;
    } finally {
      LocalMachine.deleteTree(classes);
    }
  }

  private static void compile(
      JavaCompiler compiler, ExampleScript.JavaBuild build, Path folder, Path classes)
      throws IOException {
    List<String> arguments =
        new ArrayList<>(
            List.of("-cp", System.getProperty("java.class.path"), "-d", classes.toString()));
    build.sources().forEach(source -> arguments.add(folder.resolve(source).toString()));
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    try (PrintStream errors = new PrintStream(messages, true, StandardCharsets.UTF_8)) {
      int status = compiler.run(null, errors, errors, arguments.toArray(String[]::new));
      if (status != 0) {
        throw new IOException(
            "cannot compile "
                + build.sources()
                + ":\n"
                + messages.toString(StandardCharsets.UTF_8));
      }
    }
  }

  private static void pack(Path classes, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream packed = new JarOutputStream(out)) {
      for (Path file : files) {
        packed.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, packed);
        packed.closeEntry();
      }
    }
  }
}
