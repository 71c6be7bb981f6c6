#!/usr/bin/env python3
"""An independent SSE reader on a raw socket, to time a stream beside Horde (bench/sse-streams.sh).

Python's standard library only, no HTTP library between the socket and the clock. It connects
first and times that apart, then starts its clock just before it sends the request, as a client
with a kept-alive connection does (Horde's users read their streams over kept-alive connections,
so their TTFT holds no connect). Prints each `data:` line with the milliseconds since the send
(the format of ../shared/bench/lib/sse_timing.py, which starts its clock before connecting), then
a summary. Loopback hosts only.

  python3 bench/sse_probe.py http://127.0.0.1:8080/sse [timeout_s]
"""
import socket
import sys
import time
import urllib.parse

from ws_probe import loopback


def main():
    url = urllib.parse.urlsplit(sys.argv[1])
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 30.0
    host, port = url.hostname, url.port or 80
    addr = loopback(host)
    c0 = time.perf_counter_ns()
    sock = socket.create_connection((addr, port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print("connect_ms=%.2f" % ((time.perf_counter_ns() - c0) / 1e6))
    request = "GET %s HTTP/1.1\r\nHost: %s:%d\r\nAccept: text/event-stream\r\n\r\n" % (url.path or "/", host, port)
    t0 = time.perf_counter_ns()
    sock.sendall(request.encode())
    deadline, pending, times, done = time.monotonic() + timeout, b"", [], False
    while not done and time.monotonic() < deadline:
        data = sock.recv(65536)
        at = (time.perf_counter_ns() - t0) / 1e6
        if not data:
            break
        pending += data
        *lines, pending = pending.split(b"\n")
        for raw in lines:
            line = raw.rstrip(b"\r").decode("utf-8", "replace")
            if line.startswith("data:"):  # chunk-size lines and the head never start so
                print("%8.1f ms  %s" % (at, line))
                times.append(at)
                done = line.strip() == "data: [DONE]"
    sock.close()
    if len(times) < 2:
        print("no events")
        return 1
    gaps = [b - a for a, b in zip(times, times[1:])]
    print("summary: data_events=%d first_event_ms=%.1f gap_ms min/avg/max=%.1f/%.1f/%.1f"
          % (len(times), times[0], min(gaps), sum(gaps) / len(gaps), max(gaps)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
