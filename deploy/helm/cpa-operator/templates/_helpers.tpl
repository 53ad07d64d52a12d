{{/* The name of every object the chart makes, cluster-wide ones included: the release's. */}}
{{- define "cpa-operator.name" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cpa-operator.selectorLabels" -}}
app.kubernetes.io/name: cpa-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The autoscaler host's objects and its ServiceAccount. */}}
{{- define "cpa-operator.hostName" -}}
{{- include "cpa-operator.name" . | trunc 58 | trimSuffix "-" }}-host
{{- end -}}

{{/* The host's pods: apart from the operator's, which its Deployment selects. */}}
{{- define "cpa-operator.hostSelectorLabels" -}}
app.kubernetes.io/name: cpa-host
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "cpa-operator.labels" -}}
{{ include "cpa-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: custom-pod-autoscaler
{{- end -}}

{{/* "true" when replicas elect a leader: asked for, or left to auto with more than one replica. */}}
{{- define "cpa-operator.leaderElection" -}}
{{- if eq (toString .Values.leaderElection) "auto" -}}
{{- gt (int .Values.replicas) 1 -}}
{{- else -}}
{{- toString .Values.leaderElection -}}
{{- end -}}
{{- end -}}

{{/* The namespaces a namespace-mode operator (mode namespace or namespaced) watches, comma-separated. */}}
{{- define "cpa-operator.watchNamespaces" -}}
{{- if .Values.watchNamespaces -}}
{{- join "," .Values.watchNamespaces -}}
{{- else -}}
{{- .Release.Namespace -}}
{{- end -}}
{{- end -}}

{{/*
What the operator may do where it works. It applies each autoscaler's ServiceAccount, Role,
RoleBinding and Deployment (a create, then server-side apply), watches them, and writes the
CustomPodAutoscaler's status. Kubernetes lets it write a Role only with rules it holds itself (it
has no escalate nor bind), so it holds what an autoscaler's Role grants: get on the target's kind
(targetResources), its scale (the scale rule of every kind, which a pause needs too), list on pods, get on
CPAs and patch on their status, events, the metrics APIs and Argo Rollouts those flags open, and
whatever roleRules.allowed lets spec.roleRules grant. It gets, lists and deletes pods: the bare
Pod the Go operator left for a CPA, and a user's Pod with provisionPod: false. With the host, it
grants the host's account, per hosted CPA, impersonation of that CPA's ServiceAccount and reading
of the ConfigMaps the CPA names, by name, and takes the grant back when the CPA stops being
hosted: so it holds impersonate on ServiceAccounts and reads ConfigMaps (no more than it has
already, since it creates Deployments whose pods run as those accounts and mount those ConfigMaps)
and deletes Roles and RoleBindings (only the CPAs' own, which it checks).
*/}}
{{- define "cpa-operator.rules" -}}
- apiGroups: ["custompodautoscaler.com"]
  resources: ["custompodautoscalers"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["custompodautoscaler.com"]
  resources: ["custompodautoscalers/status"]
  verbs: ["patch"]
- apiGroups: [""]
  resources: ["serviceaccounts"]
  verbs: ["get", "list", "watch", "create", "patch"]
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles", "rolebindings"]
  verbs: ["get", "list", "watch", "create", "patch"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "patch"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "delete"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
- apiGroups: ["*"]
  resources: ["*/scale"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["metrics.k8s.io"]
  resources: ["pods"]
  verbs: ["get", "list"]
{{- range .Values.targetResources }}
- apiGroups: {{ toJson .apiGroups }}
  resources: {{ toJson .resources }}
  verbs: ["get"]
{{- end }}
{{- range .Values.roleRules.allowed }}
- apiGroups: {{ toJson .apiGroups }}
  resources: {{ toJson .resources }}
  verbs: {{ toJson .verbs }}
{{- end }}
{{- if .Values.host.enabled }}
- apiGroups: [""]
  resources: ["serviceaccounts"]
  verbs: ["impersonate"]
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles", "rolebindings"]
  verbs: ["delete"]
{{- end }}
{{- end -}}

{{/* The webhook's Service, whose names its certificate carries. */}}
{{- define "cpa-operator.webhookService" -}}
{{- include "cpa-operator.name" . | trunc 55 | trimSuffix "-" }}-webhook
{{- end -}}
