package com.custompodautoscaler.pipeline.config;

import static com.custompodautoscaler.pipeline.config.KeyType.INTEGER;
import static com.custompodautoscaler.pipeline.config.KeyType.LONG;
import static com.custompodautoscaler.pipeline.config.KeyType.STRING;

import java.util.List;

/** The keys of {@code behavior}: its two directions and their rate policies. */
final class BehaviorKeys {

  static final Key<BlockReader> SCALE_UP =
      Key.optional(
          "scaleUp",
          KeyType.block(ConfigBlock.SCALING_RULES),
          "no window; Max of 4 pods and 100 percent per 15 s",
          "Rules for scaling up.");
  static final Key<BlockReader> SCALE_DOWN =
      Key.optional(
          "scaleDown",
          KeyType.block(ConfigBlock.SCALING_RULES),
          "300 s window; Max of 100 percent per 15 s",
          "Rules for scaling down.");

  static final Key<Long> STABILIZATION_WINDOW =
      Key.optional(
          "stabilizationWindowSeconds",
          LONG.in("s"),
          "0 up, 300 down",
          "Recommendations remembered; scaling up takes the lowest of them, scaling down the"
              + " highest. 0 to 3600.");
  static final Key<String> SELECT_POLICY =
      Key.optional(
          "selectPolicy",
          STRING,
          "Max",
          "`Max` (the policy allowing most change), `Min` (least) or `Disabled` (no scaling in"
              + " this direction).");
  static final Key<List<BlockReader>> POLICIES =
      Key.optional(
          "policies",
          KeyType.listOf(KeyType.block(ConfigBlock.RATE_POLICY)),
          "as scaleUp and scaleDown say",
          "Rate policies; at least one when the key is written.");

  static final Key<String> POLICY_TYPE = Key.required("type", STRING, "`Pods` or `Percent`.");
  static final Key<Integer> POLICY_VALUE =
      Key.required(
          "value", INTEGER, "Pods, or percent of the replicas at the period's start; above 0.");
  static final Key<Integer> PERIOD =
      Key.required(
          "periodSeconds",
          INTEGER.in("s"),
          "How far back the policy looks at past rescales; 1 to 1800.");

  static final List<Key<?>> OF_BEHAVIOR = List.of(SCALE_UP, SCALE_DOWN);
  static final List<Key<?>> OF_RULES = List.of(STABILIZATION_WINDOW, SELECT_POLICY, POLICIES);
  static final List<Key<?>> OF_POLICY = List.of(POLICY_TYPE, POLICY_VALUE, PERIOD);

  private BehaviorKeys() {}
}
