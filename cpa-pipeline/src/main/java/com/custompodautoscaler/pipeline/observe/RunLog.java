package com.custompodautoscaler.pipeline.observe;

import com.custompodautoscaler.core.decision.ReplicaDecision;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.pipeline.run.RunGoal;
import com.custompodautoscaler.pipeline.run.RunObserver;
import com.custompodautoscaler.pipeline.run.RunReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per run with stable keys, for example {@code run type=scaler
 * target=Deployment/default/web current=3 evaluated=5 decided=5 reason=as_evaluated scaled=true
 * duration_ms=42}; a failed run is logged at error level with its error.
 */
public final class RunLog implements RunObserver {

  private static final Logger log = LoggerFactory.getLogger(RunLog.class);

  private final String target;

  public RunLog(TargetRef target, String namespace) {
    this.target = target.kind() + "/" + namespace + "/" + target.name();
  }

  @Override
  public void finished(RunReport report) {
    String line = summary(report);
    if (report.succeeded()) {
      log.info(line);
    } else {
      log.error(line);
    }
  }

  /** The summary line of {@code report}. */
  public String summary(RunReport report) {
    StringBuilder line = new StringBuilder(report.succeeded() ? "run" : "run failed");
    line.append(" type=").append(report.type().wireName());
    if (report.goal() != RunGoal.SCALE) {
      line.append(" goal=").append(report.goal().name().toLowerCase());
    }
    line.append(" target=").append(target);
    report.currentReplicas().ifPresent(current -> line.append(" current=").append(current));
    report.evaluatedReplicas().ifPresent(evaluated -> line.append(" evaluated=").append(evaluated));
    report.decision().ifPresent(decision -> appendDecision(line, decision, report.scaled()));
    line.append(" duration_ms=").append(report.duration().toMillis());
    report
        .failure()
        .ifPresent(failure -> line.append(" error=\"").append(failure.getMessage()).append('"'));
    return line.toString();
  }

  private static void appendDecision(StringBuilder line, ReplicaDecision decision, boolean scaled) {
    line.append(" decided=")
        .append(decision.targetReplicas())
        .append(" reason=")
        .append(decision.reason().wireName())
        .append(" scaled=")
        .append(scaled);
  }
}
