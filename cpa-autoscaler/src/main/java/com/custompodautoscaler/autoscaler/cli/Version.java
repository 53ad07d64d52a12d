package com.custompodautoscaler.autoscaler.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, written into the jar by the build. */
final class Version {

  private static final String RESOURCE = "/cpa-autoscaler-version.properties";

  private Version() {}

  static String current() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
