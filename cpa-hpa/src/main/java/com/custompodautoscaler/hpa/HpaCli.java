package com.custompodautoscaler.hpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code java -jar cpa-hpa.jar metric|evaluate}: the HPA logic as a command for the {@code shell}
 * method, reading the stage document on stdin and writing the stage output on stdout. A failure is
 * written to stderr with exit status 1, which fails the run.
 */
public final class HpaCli {

  private HpaCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err, System.getenv()));
  }

  static int run(
      String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    if (args.length != 1
        || !(args[0].equals(HpaLogic.METRIC) || args[0].equals(HpaLogic.EVALUATE))) {
      err.println("usage: java -jar cpa-hpa.jar metric|evaluate  (the stage document on stdin)");
      return 2;
    }
    try {
      String document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      out.print(new HpaLogic(env).call(args[0], document));
      out.flush();
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println(e.getMessage());
      return 1;
    }
  }
}
