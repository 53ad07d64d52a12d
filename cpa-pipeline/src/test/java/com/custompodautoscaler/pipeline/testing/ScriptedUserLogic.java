package com.custompodautoscaler.pipeline.testing;

import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.port.UserLogic;
import com.custompodautoscaler.core.port.UserLogicException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** User logic whose answers a test scripts per stage; records every call with its document. */
public final class ScriptedUserLogic implements UserLogic {

  /** One call: the stage and the document it received. */
  public record Call(Stage stage, String document) {}

  private final Map<Stage, UnaryOperator<String>> answers = new EnumMap<>(Stage.class);
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

  /** Answers {@code stage} with {@code output}. */
  public ScriptedUserLogic answering(Stage stage, String output) {
    return answering(stage, document -> output);
  }

  /** Answers {@code stage} by applying {@code answer} to the document. */
  public ScriptedUserLogic answering(Stage stage, UnaryOperator<String> answer) {
    answers.put(stage, answer);
    return this;
  }

  /** Makes {@code stage} fail with {@code message}. */
  public ScriptedUserLogic failing(Stage stage, String message) {
    return answering(
        stage,
        document -> {
          throw new UserLogicException(message);
        });
  }

  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public List<String> documentsFor(Stage stage) {
    return calls().stream().filter(call -> call.stage() == stage).map(Call::document).toList();
  }

  public List<Stage> stagesCalled() {
    return calls().stream().map(Call::stage).toList();
  }

  @Override
  public boolean defines(Stage stage) {
    return answers.containsKey(stage);
  }

  @Override
  public String call(Stage stage, String document) {
    UnaryOperator<String> answer = answers.get(stage);
    if (answer == null) {
      throw new UserLogicException("no method is configured for " + stage.configKey());
    }
    calls.add(new Call(stage, document));
    return answer.apply(document);
  }
}
