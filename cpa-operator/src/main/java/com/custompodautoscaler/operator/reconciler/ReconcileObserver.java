package com.custompodautoscaler.operator.reconciler;

/** Told about every reconciliation, for metrics. */
public interface ReconcileObserver {

  void reconciled(boolean ready);

  void failed();
}
