package com.custompodautoscaler.api.wire;

/** An evaluation: the replica count user logic asks for, or the count a run settled on. */
public record Evaluation(int targetReplicas) {}
