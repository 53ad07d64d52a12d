package com.custompodautoscaler.pipeline.method;

import com.custompodautoscaler.core.model.Stage;
import java.time.Duration;

/** Told about every user-logic call, for metrics. */
public interface UserLogicObserver {

  void called(Stage stage, String methodType, Duration duration, boolean succeeded);
}
