"""A stand-in for metrics-server, for the end-to-end tests only: it serves the resource metrics API
(metrics.k8s.io/v1beta1) with the pods' real CPU and memory, read from the kubelet's summary API
through the API server's node proxy. metrics-server is not packaged in Debian; the numbers are the
ones it would serve, with none of its caching, and only pod metrics. Standard library only.
"""
import datetime
import http.server
import json
import os
import ssl
import subprocess
import urllib.parse
import urllib.request

ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount"
API = "https://%s:%s" % (os.environ["KUBERNETES_SERVICE_HOST"], os.environ["KUBERNETES_SERVICE_PORT"])
NODE = os.environ["NODE_NAME"]
GROUP_VERSION = "metrics.k8s.io/v1beta1"


def api_get(path):
    with open(ACCOUNT + "/token") as token:
        request = urllib.request.Request(API + path, headers={"Authorization": "Bearer " + token.read()})
    context = ssl.create_default_context(cafile=ACCOUNT + "/ca.crt")
    with urllib.request.urlopen(request, context=context, timeout=5) as response:
        return json.load(response)


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def pod_metrics(namespace, selector):
    """PodMetrics of the pods of namespace that match the label selector, from the summary API."""
    query = urllib.parse.urlencode({"labelSelector": selector}) if selector else ""
    pods = api_get("/api/v1/namespaces/%s/pods?%s" % (namespace, query))["items"]
    wanted = {pod["metadata"]["name"] for pod in pods}
    summary = api_get("/api/v1/nodes/%s/proxy/stats/summary" % NODE)
    items = []
    for pod in summary.get("pods", []):
        ref = pod["podRef"]
        if ref["namespace"] != namespace or ref["name"] not in wanted:
            continue
        containers = []
        for container in pod.get("containers", []):
            cpu = container.get("cpu", {}).get("usageNanoCores")
            memory = container.get("memory", {}).get("workingSetBytes")
            if cpu is None or memory is None:
                continue
            containers.append({"name": container["name"], "usage": {"cpu": "%dn" % cpu, "memory": "%d" % memory}})
        if containers:
            items.append({
                "metadata": {"name": ref["name"], "namespace": namespace, "creationTimestamp": now()},
                "timestamp": now(),
                "window": "10s",
                "containers": containers,
            })
    return items


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        parts = [part for part in url.path.split("/") if part]
        selector = urllib.parse.parse_qs(url.query).get("labelSelector", [""])[0]
        if parts == ["apis", "metrics.k8s.io", "v1beta1"]:
            self.reply({"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": GROUP_VERSION,
                        "resources": [{"name": "pods", "namespaced": True, "kind": "PodMetrics",
                                       "verbs": ["get", "list"]}]})
        elif len(parts) == 6 and parts[3] == "namespaces" and parts[5] == "pods":
            self.reply({"kind": "PodMetricsList", "apiVersion": GROUP_VERSION, "metadata": {},
                        "items": pod_metrics(parts[4], selector)})
        elif len(parts) == 7 and parts[3] == "namespaces" and parts[5] == "pods":
            found = [item for item in pod_metrics(parts[4], "") if item["metadata"]["name"] == parts[6]]
            if found:
                self.reply(dict(found[0], kind="PodMetrics", apiVersion=GROUP_VERSION))
            else:
                self.send_error(404)
        elif parts in (["healthz"], ["readyz"]):
            self.reply({"status": "ok"})
        else:
            self.send_error(404)

    def reply(self, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    # A certificate of its own: the APIService skips verifying it, as a test's may.
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=metrics-stand-in", "-keyout", "/tmp/key.pem", "-out", "/tmp/cert.pem"],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain("/tmp/cert.pem", "/tmp/key.pem")
    server = http.server.ThreadingHTTPServer(("", 8443), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.serve_forever()
