package com.custompodautoscaler.api.spi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

/**
 * Runs an {@link InProcessUserLogic} class as a worker for the {@code worker} method, so that the
 * same class serves in-process ({@code java} method) or in a process of its own, in a JVM that
 * starts once: {@code java -cp logic.jar:cpa-api.jar
 * com.custompodautoscaler.api.spi.InProcessWorker com.example.QueueLogic metric}. Each line read on
 * stdin is one call's document; each answer is one line on stdout; an exception answers {@code
 * {"error": "..."}} and the worker serves the next call. Diagnostics go to stderr.
 */
public final class InProcessWorker {

  private InProcessWorker() {}

  /** {@code args}: the class's name, then the stage it serves (such as {@code metric}). */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: InProcessWorker <class implementing InProcessUserLogic> <stage>");
      System.exit(2);
    }
    InProcessUserLogic logic;
    try {
      logic = instantiate(args[0]);
    } catch (ReflectiveOperationException | ClassCastException e) {
      System.err.println("cannot create " + args[0] + ": " + e);
      System.exit(2);
      return;
    }
    serve(
        logic,
        args[1],
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        System.out);
  }

  /** Answers every line of {@code in} with one line on {@code out}, until {@code in} ends. */
  static void serve(InProcessUserLogic logic, String stage, BufferedReader in, PrintStream out)
      throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        out.print(answer(logic, stage, line) + "\n");
        out.flush();
      }
    }
  }

  /** The one answer line for one document line. */
  static String answer(InProcessUserLogic logic, String stage, String document) {
    try {
      String output = logic.call(stage, document);
      String line = output == null ? "" : output.stripTrailing();
      if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
        return error("the answer must be one line; it holds a line break");
      }
      return line;
    } catch (Exception e) {
      return error(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static InProcessUserLogic instantiate(String className)
      throws ReflectiveOperationException {
    try {
      return (InProcessUserLogic) Class.forName(className).getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new InstantiationException(className + "'s constructor failed: " + e.getCause());
    }
  }

  /** {@code {"error": message}}, with the message escaped as JSON. */
  static String error(String message) {
    StringBuilder json = new StringBuilder("{\"error\": \"");
    for (char c : message.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append("\"}").toString();
  }
}
