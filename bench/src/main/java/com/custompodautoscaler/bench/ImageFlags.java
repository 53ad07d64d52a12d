package com.custompodautoscaler.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM flags an image runs its jar with: the {@code JDK_JAVA_OPTIONS} that its Dockerfile in
 * {@code deploy/docker/} sets, so that a benchmark measures what the image ships.
 */
final class ImageFlags {

  private static final Pattern JAVA_OPTIONS =
      Pattern.compile("^ENV JDK_JAVA_OPTIONS=\"([^\"]*)\"$", Pattern.MULTILINE);

  private ImageFlags() {}

  /** The flags of {@code deploy/docker/<dockerfile>}, relative to the repository root. */
  static String of(String dockerfile) throws IOException {
    Path path = Path.of("deploy", "docker", dockerfile);
    Matcher matcher = JAVA_OPTIONS.matcher(Files.readString(path));
    if (!matcher.find()) {
      throw new IllegalStateException(path + " sets no ENV JDK_JAVA_OPTIONS=\"...\"");
    }
    return matcher.group(1);
  }
}
