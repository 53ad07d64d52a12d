package com.custompodautoscaler.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.custompodautoscaler.operator.model.RoleRuleAllowList;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ServiceReference;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The operator's Helm chart, linted and rendered by real Helm for each mode and option. */
class HelmChartTest {

  private static final String RELEASE = "cpa-operator";
  private static final String NAMESPACE = "cpa-system";
  private static final String HOST = RELEASE + "-host";
  private static final Map<String, Object> HOST_ENABLED = Map.of("enabled", true);

  @Test
  void lintsWithoutWarningsInStrictMode() {
    LintResult result = OperatorChart.helm().lint().strict().call();

    assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
    assertThat(result.getMessages())
        .as("only Helm's advice to add an icon may remain")
        .allSatisfy(message -> assertThat(message).contains("icon is recommended"));
  }

  @Test
  void theChartCarriesTheCheckedInCrd() throws Exception {
    assertThat(
            Files.isSameFile(
                OperatorChart.DIRECTORY.resolve("crds/custompodautoscaler.yaml"),
                ProjectFiles.resolve("deploy/crd/custompodautoscaler.yaml")))
        .as("crds/ links to deploy/crd, so there is one CRD file")
        .isTrue();
  }

  @Test
  void theChartsAppVersionIsTheProjectsVersion() throws Exception {
    String chart = Files.readString(OperatorChart.DIRECTORY.resolve("Chart.yaml"));
    String version = System.getProperty("cpa.project.version", "").replace("-SNAPSHOT", "");

    assertThat(version).isNotEmpty();
    assertThat(chart).contains("appVersion: \"" + version + "\"");
  }

  @Test
  void clusterModeBindsAClusterRoleAndWatchesEveryNamespace() throws Exception {
    List<HasMetadata> objects = render(Map.of());

    assertThat(objects)
        .filteredOn(object -> object.getMetadata().getName().equals(RELEASE))
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Deployment",
            "ValidatingWebhookConfiguration");
    Container operator = container(objects);
    assertThat(operator.getImage()).isEqualTo("cpa-operator:0.1.0");
    assertThat(env(operator, "WATCH_NAMESPACE")).as("every namespace").isEmpty();
    assertThat(env(operator, "LEADER_ELECTION")).contains("false");
    assertThat(deployment(objects).getSpec().getStrategy().getType())
        .as("one operator at a time without leader election")
        .isEqualTo("Recreate");
    assertThat(rules(objects)).isNotEmpty();
  }

  @Test
  void namespaceModeBindsARoleInEachWatchedNamespace() throws Exception {
    List<HasMetadata> objects =
        render(Map.of("mode", "namespace", "watchNamespaces", List.of("team-a", "team-b")));

    assertThat(objects)
        .filteredOn(object -> object instanceof ClusterRole)
        .extracting(object -> object.getMetadata().getName())
        .as("only the webhook's, to ask what a CPA's author holds")
        .containsExactly(RELEASE + "-webhook");
    assertThat(operatorRoles(objects))
        .extracting(object -> object.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(objects)
        .filteredOn(object -> object instanceof RoleBinding)
        .filteredOn(object -> object.getMetadata().getName().equals(RELEASE))
        .allSatisfy(
            binding ->
                assertThat(((RoleBinding) binding).getSubjects())
                    .singleElement()
                    .satisfies(
                        subject -> {
                          assertThat(subject.getName()).isEqualTo(RELEASE);
                          assertThat(subject.getNamespace()).isEqualTo(NAMESPACE);
                        }));
    assertThat(env(container(objects), "WATCH_NAMESPACE")).contains("team-a,team-b");
  }

  @Test
  void namespaceModeWatchesTheReleasesNamespaceByDefault() throws Exception {
    List<HasMetadata> objects = render(Map.of("mode", "namespace"));

    assertThat(env(container(objects), "WATCH_NAMESPACE")).contains(NAMESPACE);
    assertThat(operatorRoles(objects))
        .singleElement()
        .satisfies(role -> assertThat(role.getMetadata().getNamespace()).isEqualTo(NAMESPACE));
  }

  @ParameterizedTest(name = "watchNamespaces {0}")
  @MethodSource("watchNamespaces")
  void namespacedModeAsTheGoOperatorsChartSaysIsNamespaceMode(List<String> watchNamespaces)
      throws Exception {
    String namespaced =
        OperatorChart.render(
            RELEASE, NAMESPACE, Map.of("mode", "namespaced", "watchNamespaces", watchNamespaces));
    String namespaceMode =
        OperatorChart.render(
            RELEASE, NAMESPACE, Map.of("mode", "namespace", "watchNamespaces", watchNamespaces));

    assertThat(namespaced).isEqualTo(namespaceMode);
    assertThat(env(container(OperatorChart.objects(namespaced)), "WATCH_NAMESPACE"))
        .contains(watchNamespaces.isEmpty() ? NAMESPACE : String.join(",", watchNamespaces));
  }

  static Stream<List<String>> watchNamespaces() {
    return Stream.of(List.of(), List.of("team-a", "team-b"));
  }

  @Test
  void theOperatorMayGetListAndDeletePodsAndCreateAndPatchEventsButNoMore() throws Exception {
    List<PolicyRule> rules = rules(render(Map.of()));

    assertThat(rules)
        .filteredOn(rule -> rule.getApiGroups().equals(List.of("")))
        .filteredOn(
            rule -> rule.getResources().contains("pods") || rule.getResources().contains("events"))
        .extracting(PolicyRule::getResources, PolicyRule::getVerbs)
        .containsExactlyInAnyOrder(
            tuple(List.of("pods"), List.of("get", "list", "delete")),
            tuple(List.of("events"), List.of("create", "patch")));
  }

  @Test
  void moreThanOneReplicaElectsALeader() throws Exception {
    List<HasMetadata> objects = render(Map.of("replicas", 2));

    Container operator = container(objects);
    assertThat(env(operator, "LEADER_ELECTION")).contains("true");
    assertThat(env(operator, "LEADER_ELECTION_NAMESPACE")).contains(NAMESPACE);
    assertThat(deployment(objects).getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment(objects).getSpec().getStrategy()).isNull();
    assertThat(objects)
        .filteredOn(object -> object.getMetadata().getName().endsWith("-leader-election"))
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder("Role", "RoleBinding");
    assertThat(objects)
        .filteredOn(object -> object.getKind().equals("Lease"))
        .extracting(object -> object.getMetadata().getName())
        .as("the lease, made by the chart so it goes with it")
        .containsExactly("cpa-operator");
  }

  @Test
  void leaderElectionCanBeAskedForWithOneReplica() throws Exception {
    assertThat(env(container(render(Map.of("leaderElection", true))), "LEADER_ELECTION"))
        .contains("true");
  }

  @Test
  void imageResourcesAndJavaOptionsComeFromTheValues() throws Exception {
    Container operator =
        container(
            render(
                Map.of(
                    "image",
                    Map.of("repository", "registry.example/cpa-operator", "tag", "1.2.3"),
                    "resources",
                    Map.of("limits", Map.of("memory", "1Gi")),
                    "javaOptions",
                    "-Xmx700m")));

    assertThat(operator.getImage()).isEqualTo("registry.example/cpa-operator:1.2.3");
    assertThat(operator.getResources().getLimits().get("memory").toString()).isEqualTo("1Gi");
    assertThat(env(operator, "JDK_JAVA_OPTIONS")).contains("-Xmx700m");
  }

  @Test
  void theOperatorsWildcardsAreTheScaleOfAnyKindAndWhatTheAllowListAllows() throws Exception {
    List<PolicyRule> rules = rules(render(Map.of()));

    assertThat(rules.stream().flatMap(rule -> rule.getVerbs().stream())).doesNotContain("*");
    assertThat(
            rules.stream()
                .filter(
                    rule ->
                        rule.getApiGroups().contains("*")
                            || rule.getResources().stream().anyMatch(r -> r.contains("*"))))
        .extracting(PolicyRule::getApiGroups, PolicyRule::getResources, PolicyRule::getVerbs)
        .containsExactlyInAnyOrder(
            tuple(List.of("*"), List.of("*/scale"), List.of("get", "patch", "update")),
            tuple(
                List.of("metrics.k8s.io", "custom.metrics.k8s.io", "external.metrics.k8s.io"),
                List.of("*"),
                List.of("get", "list", "watch")));
  }

  @Test
  void theDefaultAllowListReachesTheOperatorAsItsOwnDefault() throws Exception {
    assertThat(
            RoleRuleAllowList.parse(
                env(container(render(Map.of())), "ROLE_RULES_ALLOWED").orElseThrow()))
        .isEqualTo(RoleRuleAllowList.DEFAULT);
  }

  @Test
  void theOperatorMayNeitherEscalateNorBindSoItGrantsOnlyWhatItHolds() throws Exception {
    assertThat(rules(render(Map.of())).stream().flatMap(rule -> rule.getVerbs().stream()))
        .doesNotContain("escalate", "bind");
  }

  @Test
  void theAllowListAndTheTargetKindsComeFromTheValues() throws Exception {
    Map<String, Object> configMaps =
        Map.of(
            "apiGroups", List.of(""), "resources", List.of("configmaps"), "verbs", List.of("get"));
    Map<String, Object> widgets =
        Map.of("apiGroups", List.of("example.com"), "resources", List.of("widgets"));

    List<HasMetadata> objects =
        render(
            Map.of(
                "roleRules", Map.of("allowed", List.of(configMaps)),
                "targetResources", List.of(widgets)));

    assertThat(RoleRuleAllowList.parse(env(container(objects), "ROLE_RULES_ALLOWED").orElseThrow()))
        .isEqualTo(
            new RoleRuleAllowList(
                List.of(
                    new RoleRuleAllowList.Entry(
                        List.of(""), List.of("configmaps"), List.of("get")))));
    assertThat(rules(objects))
        .extracting(PolicyRule::getApiGroups, PolicyRule::getResources, PolicyRule::getVerbs)
        .contains(
            tuple(List.of(""), List.of("configmaps"), List.of("get")),
            tuple(List.of("example.com"), List.of("widgets"), List.of("get")))
        .doesNotContain(
            tuple(
                List.of("apps"),
                List.of("deployments", "statefulsets", "replicasets"),
                List.of("get")));
  }

  @Test
  void theWebhookIsServedByTheOperatorsPodsAndFailsClosed() throws Exception {
    List<HasMetadata> objects = render(Map.of());

    ValidatingWebhook webhook =
        single(objects, ValidatingWebhookConfiguration.class).getWebhooks().get(0);
    assertThat(webhook.getFailurePolicy()).isEqualTo("Fail");
    assertThat(webhook.getSideEffects()).isEqualTo("None");
    assertThat(webhook.getNamespaceSelector()).as("every namespace in cluster mode").isNull();
    assertThat(webhook.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getResources()).containsExactly("custompodautoscalers");
              assertThat(rule.getOperations()).containsExactly("CREATE", "UPDATE");
            });
    ServiceReference service = webhook.getClientConfig().getService();
    assertThat(service.getName()).isEqualTo(RELEASE + "-webhook");
    assertThat(service.getNamespace()).isEqualTo(NAMESPACE);
    assertThat(service.getPath()).isEqualTo("/validate-custompodautoscalers");
    Container operator = container(objects);
    assertThat(env(operator, "WEBHOOK_PORT")).contains("9443");
    assertThat(env(operator, "WEBHOOK_HOSTS"))
        .contains(
            RELEASE
                + "-webhook."
                + NAMESPACE
                + ".svc,"
                + RELEASE
                + "-webhook."
                + NAMESPACE
                + ".svc.cluster.local");
    assertThat(env(operator, "WEBHOOK_SECRET")).contains(RELEASE + "-webhook-tls");
    assertThat(env(operator, "WEBHOOK_CONFIGURATION")).contains(RELEASE);
    assertThat(operator.getPorts())
        .anySatisfy(port -> assertThat(port.getName()).isEqualTo("webhook"));
    assertThat(single(objects, Service.class).getSpec().getPorts())
        .singleElement()
        .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("webhook"));
  }

  @Test
  void theWebhookMayAskWhatUsersHoldAndWriteItsOwnCertificateAndNothingMore() throws Exception {
    List<HasMetadata> objects = render(Map.of());

    assertThat(
            objects.stream()
                .filter(object -> object.getMetadata().getName().equals(RELEASE + "-webhook"))
                .flatMap(
                    object ->
                        object instanceof ClusterRole role
                            ? role.getRules().stream()
                            : object instanceof Role role
                                ? role.getRules().stream()
                                : Stream.empty()))
        .extracting(PolicyRule::getResources, PolicyRule::getResourceNames, PolicyRule::getVerbs)
        .containsExactlyInAnyOrder(
            tuple(List.of("subjectaccessreviews"), List.of(), List.of("create")),
            tuple(
                List.of("validatingwebhookconfigurations"),
                List.of(RELEASE),
                List.of("get", "patch")),
            tuple(List.of("secrets"), List.of(RELEASE + "-webhook-tls"), List.of("get", "update")));
    assertThat(objects)
        .filteredOn(object -> object.getKind().equals("Secret"))
        .extracting(object -> object.getMetadata().getName())
        .as(
            "the Secret the operator writes the certificate into, made by the chart so it goes with it")
        .containsExactly(RELEASE + "-webhook-tls");
  }

  @Test
  void inNamespaceModeTheWebhookAsksOnlyInTheWatchedNamespaces() throws Exception {
    List<HasMetadata> objects =
        render(Map.of("mode", "namespace", "watchNamespaces", List.of("team-a", "team-b")));

    assertThat(
            single(objects, ValidatingWebhookConfiguration.class)
                .getWebhooks()
                .get(0)
                .getNamespaceSelector()
                .getMatchExpressions())
        .singleElement()
        .satisfies(
            expression -> {
              assertThat(expression.getKey()).isEqualTo("kubernetes.io/metadata.name");
              assertThat(expression.getValues()).containsExactly("team-a", "team-b");
            });
  }

  @Test
  void withoutTheWebhookTheChartMakesNoneOfIt() throws Exception {
    List<HasMetadata> objects = render(Map.of("webhook", Map.of("enabled", false, "port", 9443)));

    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .doesNotContain("ValidatingWebhookConfiguration", "Service", "Secret");
    assertThat(objects)
        .extracting(object -> object.getMetadata().getName())
        .doesNotContain(RELEASE + "-webhook");
    assertThat(env(container(objects), "WEBHOOK_PORT")).isEmpty();
  }

  @Test
  void valuesOutsideTheSchemaAreRejectedByName() {
    assertThatThrownBy(() -> render(Map.of("mode", "everywhere"))).hasMessageContaining("mode");
    assertThatThrownBy(() -> render(Map.of("leaderElection", "sometimes")))
        .hasMessageContaining("leaderElection");
    assertThatThrownBy(() -> render(Map.of("replica", 2))).hasMessageContaining("replica");
  }

  @Test
  void severalReplicasWithoutLeaderElectionAreRefused() {
    assertThatThrownBy(() -> render(Map.of("replicas", 3, "leaderElection", false)))
        .hasMessageContaining("leader election");
  }

  @Test
  void theHostIsLeftOutUnlessAskedFor() throws Exception {
    assertThat(render(Map.of()))
        .extracting(object -> object.getMetadata().getName())
        .noneMatch(name -> name.startsWith(HOST));
  }

  @Test
  void withTheHostTheOperatorMayGrantImpersonationAndReadingAndTakeThemBackAndKnowsTheHost()
      throws Exception {
    Tuple impersonate = tuple(List.of(""), List.of("serviceaccounts"), List.of("impersonate"));
    Tuple readConfigMaps =
        tuple(List.of(""), List.of("configmaps"), List.of("get", "list", "watch"));
    Tuple deleteRoles =
        tuple(
            List.of("rbac.authorization.k8s.io"),
            List.of("roles", "rolebindings"),
            List.of("delete"));

    List<HasMetadata> withHost = render(Map.of("host", HOST_ENABLED));
    assertThat(rules(withHost))
        .extracting(rule -> tuple(rule.getApiGroups(), rule.getResources(), rule.getVerbs()))
        .contains(impersonate, readConfigMaps, deleteRoles);
    assertThat(env(container(withHost), "HOST_SERVICE_ACCOUNT")).contains(NAMESPACE + "/" + HOST);

    List<HasMetadata> withoutHost = render(Map.of());
    assertThat(rules(withoutHost))
        .extracting(rule -> tuple(rule.getApiGroups(), rule.getResources(), rule.getVerbs()))
        .doesNotContain(impersonate, readConfigMaps, deleteRoles);
    assertThat(env(container(withoutHost), "HOST_SERVICE_ACCOUNT")).isEmpty();
  }

  @Test
  void theHostReadsCpasKeepsItsLeasesAndImpersonatesAndReadsConfigMapsOfNoneOfItself()
      throws Exception {
    List<HasMetadata> objects = render(Map.of("host", Map.of("enabled", true, "replicas", 3)));

    assertThat(objects)
        .filteredOn(object -> object.getMetadata().getName().equals(HOST))
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder(
            "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment");
    assertThat(named(objects, ClusterRole.class, HOST).getRules())
        .extracting(rule -> tuple(rule.getApiGroups(), rule.getResources(), rule.getVerbs()))
        .as("impersonation and ConfigMaps come from the operator's grant per hosted CPA")
        .containsExactlyInAnyOrder(
            tuple(
                List.of("custompodautoscaler.com"),
                List.of("custompodautoscalers"),
                List.of("get", "list", "watch")),
            tuple(
                List.of("custompodautoscaler.com"),
                List.of("custompodautoscalers/status"),
                List.of("patch")));
    Role leases = named(objects, Role.class, HOST + "-leases");
    assertThat(leases.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    assertThat(leases.getRules())
        .as("its Leases, and its own ServiceAccount, which owns them")
        .extracting(rule -> tuple(rule.getResources(), rule.getResourceNames(), rule.getVerbs()))
        .containsExactlyInAnyOrder(
            tuple(List.of("leases"), List.of(), List.of("get", "list", "create", "update")),
            tuple(List.of("serviceaccounts"), List.of(HOST), List.of("get")));
    Deployment host = named(objects, Deployment.class, HOST);
    assertThat(host.getSpec().getReplicas()).isEqualTo(3);
    Map<String, String> operatorSelector =
        named(objects, Deployment.class, RELEASE).getSpec().getSelector().getMatchLabels();
    assertThat(
            host.getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels()
                .entrySet()
                .containsAll(operatorSelector.entrySet()))
        .as("the operator's Deployment selects the host's pods")
        .isFalse();
    assertThat(host.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(HOST);
    Container container = host.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("cpa-host:0.1.0");
    assertThat(env(container, "CPA_HOST_NAME")).contains(HOST);
    assertThat(env(container, "CPA_HOST_WATCH_NAMESPACE")).as("every namespace").isEmpty();
    assertThat(container.getEnv())
        .filteredOn(variable -> variable.getValueFrom() != null)
        .extracting(
            variable ->
                tuple(variable.getName(), variable.getValueFrom().getFieldRef().getFieldPath()))
        .containsExactlyInAnyOrder(
            tuple("POD_NAME", "metadata.name"),
            tuple("POD_NAMESPACE", "metadata.namespace"),
            tuple("CPA_HOST_SERVICE_ACCOUNT", "spec.serviceAccountName"));
  }

  @Test
  void inNamespaceModeTheHostRunsTheCpasOfItsOneNamespace() throws Exception {
    List<HasMetadata> objects =
        render(
            Map.of(
                "mode", "namespace", "watchNamespaces", List.of("team-a"), "host", HOST_ENABLED));

    assertThat(named(objects, Role.class, HOST).getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(objects).noneMatch(object -> object instanceof ClusterRole && isHost(object));
    Container container =
        named(objects, Deployment.class, HOST)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(env(container, "CPA_HOST_WATCH_NAMESPACE")).contains("team-a");
    assertThatThrownBy(
            () ->
                render(
                    Map.of(
                        "mode",
                        "namespace",
                        "watchNamespaces",
                        List.of("team-a", "team-b"),
                        "host",
                        HOST_ENABLED)))
        .hasMessageContaining("watchNamespaces names more than one");
  }

  private static boolean isHost(HasMetadata object) {
    return object.getMetadata().getName().equals(HOST);
  }

  private static <T extends HasMetadata> T named(
      List<HasMetadata> objects, Class<T> kind, String name) {
    return OperatorChart.named(objects, kind, name);
  }

  private static List<HasMetadata> render(Map<String, ?> values) throws Exception {
    return OperatorChart.objects(OperatorChart.render(RELEASE, NAMESPACE, values));
  }

  /** The operator's Deployment (the host's has another name). */
  private static Deployment deployment(List<HasMetadata> objects) {
    return named(objects, Deployment.class, RELEASE);
  }

  private static Container container(List<HasMetadata> objects) {
    return deployment(objects).getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Optional<String> env(Container container, String name) {
    return container.getEnv().stream()
        .filter(variable -> variable.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst();
  }

  /** The rules of the operator's own ClusterRole or Roles (not the webhook's, nor the lease's). */
  private static List<PolicyRule> rules(List<HasMetadata> objects) {
    return objects.stream()
        .filter(object -> object.getMetadata().getName().equals(RELEASE))
        .flatMap(
            object ->
                object instanceof ClusterRole role
                    ? role.getRules().stream()
                    : object instanceof Role role ? role.getRules().stream() : Stream.empty())
        .toList();
  }

  private static List<HasMetadata> operatorRoles(List<HasMetadata> objects) {
    return objects.stream()
        .filter(object -> object instanceof Role)
        .filter(object -> object.getMetadata().getName().equals(RELEASE))
        .toList();
  }

  private static <T extends HasMetadata> T single(List<HasMetadata> objects, Class<T> kind) {
    return objects.stream().filter(kind::isInstance).map(kind::cast).findFirst().orElseThrow();
  }
}
