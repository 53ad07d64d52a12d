package com.custompodautoscaler.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine the numbers come from. */
final class Machine {

  private Machine() {}

  static String describe() {
    return String.format(
        "%s, %d CPUs, %s, Java %s (%s), Linux %s",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        memory(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.version"));
  }

  private static String cpuModel() {
    return read("/proc/cpuinfo", "model name");
  }

  private static String memory() {
    return "RAM " + read("/proc/meminfo", "MemTotal");
  }

  private static String read(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown " + key);
    } catch (IOException e) {
      return "unknown " + key;
    }
  }
}
