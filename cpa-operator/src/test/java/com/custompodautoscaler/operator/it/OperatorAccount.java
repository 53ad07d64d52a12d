package com.custompodautoscaler.operator.it;

import com.custompodautoscaler.pipeline.kubernetes.ServiceAccounts;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The operator's own account as {@code deploy/install/cluster-wide.yaml} installs it: its
 * ServiceAccount, ClusterRoles, Roles and bindings. The tests run the operator with it and never as
 * an administrator, so a permission the code needs and the install manifests lack fails a test. The
 * file's ValidatingWebhookConfiguration is left out: it sends the API server to a Service, which a
 * bare API server cannot reach, and refuses every CPA when it cannot; {@link LoopbackWebhook}
 * installs it for the tests of the webhook.
 */
final class OperatorAccount {

  static final String NAMESPACE = "cpa-system";
  static final String NAME = "cpa-operator";

  private static boolean installed;

  private OperatorAccount() {}

  /**
   * Applies the objects of {@code deploy/install/cluster-wide.yaml} but its webhook configuration,
   * once per test run.
   */
  static synchronized void install(KubernetesClient admin) {
    if (installed) {
      return;
    }
    for (HasMetadata object : manifests(admin)) {
      if (!(object instanceof ValidatingWebhookConfiguration)) {
        admin.resource(object).fieldManager("cpa-tests").forceConflicts().serverSideApply();
      }
    }
    installed = true;
  }

  /** The objects of {@code deploy/install/cluster-wide.yaml}. */
  static List<HasMetadata> manifests(KubernetesClient admin) {
    try (InputStream manifests =
        Files.newInputStream(ProjectFiles.resolve("deploy/install/cluster-wide.yaml"))) {
      return admin.load(manifests).items();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client that acts as the installed operator, installing its account first. */
  static KubernetesClient client(KubernetesClient admin) {
    install(admin);
    return OperatorTestSupport.clientAs(NAMESPACE, NAME);
  }

  /** An admin kubeconfig turned into one that acts as the installed operator. */
  static String kubeconfigYaml(KubernetesClient admin) {
    install(admin);
    return kubeconfigActingAs(NAMESPACE, NAME);
  }

  /**
   * The shared API server's admin kubeconfig, turned into one whose user acts as ServiceAccount
   * {@code name} of {@code namespace} (kubectl's {@code --as}).
   */
  static String kubeconfigActingAs(String namespace, String name) {
    try {
      YAMLMapper yaml = new YAMLMapper();
      ObjectNode kubeconfig = (ObjectNode) yaml.readTree(SharedKubeApiServer.kubeconfigYaml());
      for (var user : kubeconfig.withArray("users")) {
        ObjectNode auth = (ObjectNode) user.get("user");
        auth.put("as", ServiceAccounts.user(namespace, name));
        ArrayNode groups = auth.putArray("as-groups");
        for (String group : ServiceAccounts.groups(namespace)) {
          groups.add(group);
        }
      }
      return yaml.writeValueAsString(kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
