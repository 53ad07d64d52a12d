package com.custompodautoscaler.autoscaler.simulate;

import com.custompodautoscaler.core.decision.DecisionInput;
import com.custompodautoscaler.core.decision.DecisionRules;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.ReplicaDecision;
import com.custompodautoscaler.core.model.ReplicaBounds;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * Replays a series of evaluations through a configuration's decision rules, with no cluster: each
 * input line becomes one output line with the replica count the autoscaler would set and why. A
 * rescale is remembered whenever that count differs from the line's current replicas, as if it had
 * been applied. The same input always gives the same output.
 */
public final class Simulation {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReplicaBounds bounds;
  private final DecisionRules rules;
  private DecisionState state = DecisionState.empty();
  private Instant last = Instant.EPOCH;

  public Simulation(ReplicaBounds bounds, DecisionRules rules) {
    this.bounds = bounds;
    this.rules = rules;
  }

  /**
   * Simulates every line of {@code input}, writing each result to {@code output} as it is decided;
   * blank lines are skipped. Stops at the first line that cannot be simulated.
   */
  public void run(BufferedReader input, PrintWriter output)
      throws IOException, InvalidInputException {
    int lineNumber = 0;
    for (String text = input.readLine(); text != null; text = input.readLine()) {
      lineNumber++;
      if (text.isBlank()) {
        continue;
      }
      output.println(step(InputLine.parse(text, lineNumber), lineNumber));
      output.flush();
    }
  }

  private String step(InputLine line, int lineNumber) throws InvalidInputException {
    if (line.at().isBefore(last)) {
      throw new InvalidInputException(
          lineNumber, "\"time\" " + line.time() + " is earlier than the line before");
    }
    last = line.at();
    int current = line.currentReplicas();
    ReplicaDecision decision =
        rules.decide(new DecisionInput(current, line.evaluation(), bounds, state, line.at()));
    state = decision.state();
    if (decision.changes(current)) {
      state = rules.afterRescale(state, current, decision.targetReplicas(), line.at());
    }
    ObjectNode result = JSON.createObjectNode();
    result.set("time", line.time());
    result.put("currentReplicas", current);
    result.put("evaluation", line.evaluation());
    result.put("targetReplicas", decision.targetReplicas());
    result.put("reason", decision.reason().wireName());
    return result.toString();
  }
}
