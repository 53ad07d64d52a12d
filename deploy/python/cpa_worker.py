"""Turns a Python function into a worker for the Custom Pod Autoscaler's ``worker`` method.

The autoscaler starts a worker once and keeps it. For every call it writes the stage's document
(the JSON a ``shell`` method reads on stdin) as one line on the worker's stdin, and reads one line
of its stdout as the stage's output. ``serve`` runs that loop around a function::

    import cpa_worker

    def metric(spec):
        return str(len(spec["resource"]["metadata"]["name"]))

    cpa_worker.serve(metric)

The function receives the document parsed into a dict. What it returns is the stage's output: a
str as it is (a metric value), anything else as JSON (``{"targetReplicas": 3}`` for evaluate). An
exception fails that one call with its message (the answer ``{"error": "..."}``) and the worker
serves the next. Print diagnostics to stderr: stdout carries answers only. Standard library only.
"""

import json
import sys


def answer_for(handle, line):
    """The one answer line, without its line break, for one document line."""
    try:
        result = handle(json.loads(line))
        output = result if isinstance(result, str) else json.dumps(result)
        output = output.rstrip("\r\n")
        if "\n" in output or "\r" in output:
            raise ValueError("the answer must be one line; it holds a line break")
        return output
    except Exception as error:  # the call fails; the worker goes on
        return json.dumps({"error": "%s: %s" % (type(error).__name__, error)})


def serve(handle, stdin=None, stdout=None):
    """Answers every document line read from stdin with one line on stdout, until stdin ends."""
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    for line in stdin:
        if not line.strip():
            continue
        stdout.write(answer_for(handle, line) + "\n")
        stdout.flush()
