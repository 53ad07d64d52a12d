package com.custompodautoscaler.core.port;

import com.custompodautoscaler.core.model.TargetRef;
import java.util.List;

/** Reads the target object and the pods its scale selector picks. */
public interface TargetReader {

  /** The target object, as user logic receives it. */
  KubernetesObject readTarget(TargetRef target, String namespace);

  /** The pods in {@code namespace} that match a label-selector string, in API list order. */
  List<KubernetesObject> listPods(String namespace, String selector);
}
