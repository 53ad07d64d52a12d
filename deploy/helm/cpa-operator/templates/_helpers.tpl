{{/* The name of every object the chart makes, cluster-wide ones included: the release's. */}}
{{- define "cpa-operator.name" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cpa-operator.selectorLabels" -}}
app.kubernetes.io/name: cpa-operator
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
RoleBinding and Deployment (server-side apply: create and patch), watches them, and writes the
CustomPodAutoscaler's status. "escalate" and "bind" let it grant an autoscaler's Role rules it does
not hold itself (get on the target, list on pods, the metrics APIs, spec.roleRules), so it needs no
wildcard for them. A pause sets the replicas of a target of any kind: the scale subresource of every
resource. It lists pods and deletes the bare Pod the Go operator left for a CPA, gets the Pod a
CPA with provisionPod: false may run in, and records events.
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
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles"]
  verbs: ["escalate", "bind"]
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
{{- end -}}
