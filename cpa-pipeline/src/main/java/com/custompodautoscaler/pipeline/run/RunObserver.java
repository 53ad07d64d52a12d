package com.custompodautoscaler.pipeline.run;

/** Told about every finished run, for logs and metrics. */
public interface RunObserver {

  void finished(RunReport report);
}
