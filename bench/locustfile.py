"""Locust users for bench/compare.sh: the harness's own (FastUser, RequestsUser: GET in a closed
loop, no think time) and PostUser, the templated POST: a JSON body with a fresh UUID, a check that
the answer is 200 with "ok" in its JSON, and that value saved on the user.

The harness's file is found through HORDE_BENCH_HARNESS (set by compare.sh); BENCH_PATH is the path.
"""
import importlib.util
import os
import uuid

from locust import FastHttpUser, constant, task

_spec = importlib.util.spec_from_file_location(
    "harness_locustfile", os.path.join(os.environ["HORDE_BENCH_HARNESS"], "lib", "locustfile.py"))
_harness = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_harness)
FastUser = _harness.FastUser
RequestsUser = _harness.RequestsUser

PATH = os.environ.get("BENCH_PATH", "/fast")


class PostUser(FastHttpUser):
    wait_time = constant(0)
    ok = None

    @task
    def post(self):
        body = {"id": str(uuid.uuid4()), "text": "hello"}
        with self.client.post(PATH, json=body, catch_response=True) as r:
            if r.status_code != 200:
                r.failure("status %d" % r.status_code)
                return
            try:
                self.ok = r.json()["ok"]
            except (ValueError, KeyError):
                r.failure("no $.ok in the answer")
