#!/usr/bin/env python3
"""The harness's lib/logstats.py for bench/compare.sh, counting requests of any method: it counts
only '"GET PATH ' lines, and the templated POST's requests are POSTs. Runs the harness's script with
each line's method read as GET.

Usage: logstats.py ACCESS_LOG PATH   (HORDE_BENCH_HARNESS: the harness)
"""
import os
import re
import runpy

METHOD = re.compile(r'"(POST|PUT|PATCH|DELETE|HEAD|OPTIONS) ')


class AsGet:
    def __init__(self, path, **kwargs):
        self.file = open(path, **kwargs)

    def __enter__(self):
        return (METHOD.sub('"GET ', line, count=1) for line in self.file)

    def __exit__(self, *exc):
        self.file.close()


runpy.run_path(os.path.join(os.environ["HORDE_BENCH_HARNESS"], "lib", "logstats.py"),
               init_globals={"open": AsGet}, run_name="__main__")
