#!/usr/bin/env python3
"""An independent WebSocket chat client on raw sockets, to time the simulator's /ws/chat beside Horde.

Python's standard library only: the opening handshake (RFC 6455 section 4) and the framing
(section 5) are written here, so nothing of Horde's (nor of a WebSocket library) sits between the
socket and the clock. It opens SOCKETS sockets one after the other, then on all of them at once
asks ASKS times ({"type":"ask",...}) and reads the answer to its {"type":"done"} message. Loopback
hosts only.

What it measures (time.perf_counter_ns, one clock for every socket):
  connect     from before the TCP connect to the last byte of the 101's headers (TCP + handshake),
              as Horde's ws_connect;
  round trip  from the return of the send of the ask frame to the read that brought the done
              frame, as Horde's ws_round_trip ("from the last send to the matching message");
  ttft        from the same send to the read that brought the first token frame, as Horde's TTFT
              with `stream: tokens`.
One selector loop reads every socket, so a message is timed when its bytes are read, not when a
thread gets round to it.

  python3 bench/ws_probe.py ws://127.0.0.1:8000/ws/chat --sockets 5 --asks 3 --max-tokens 10
  ... --json out.json      also writes every figure (and the wall-clock start and end) as JSON
"""
import argparse
import base64
import hashlib
import ipaddress
import json
import os
import selectors
import socket
import statistics
import struct
import sys
import time
import urllib.parse

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, BINARY, CLOSE, PING, PONG = 0x1, 0x2, 0x8, 0x9, 0xA


def ms(nanos):
    return nanos / 1e6


def loopback(host):
    """The host's address when it is a loopback one (127.0.0.0/8, ::1, or a name resolving only to them).
    bench/sse_probe.py asks the same: one check of the probes' network safety."""
    me = os.path.basename(sys.argv[0])
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        sys.exit(f"{me}: cannot resolve {host}: {e}")
    addrs = {i[4][0] for i in infos}
    if not addrs or not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addrs):
        sys.exit(f"{me}: {host} is not a loopback address ({', '.join(sorted(addrs))}): refused")
    return sorted(addrs)[0]


def frame(opcode, payload):
    """A client frame: FIN set, masked (a client must mask)."""
    mask = os.urandom(4)
    n = len(payload)
    head = bytes([0x80 | opcode])
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 1 << 16:
        head += bytes([0x80 | 126]) + struct.pack("!H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack("!Q", n)
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def frames(buf):
    """Takes whole frames off the front of buf: yields (fin, opcode, payload)."""
    while len(buf) >= 2:
        fin, opcode, masked, n = buf[0] & 0x80, buf[0] & 0x0F, buf[1] & 0x80, buf[1] & 0x7F
        at = 2
        if n == 126:
            if len(buf) < 4:
                return
            n, at = struct.unpack("!H", buf[2:4])[0], 4
        elif n == 127:
            if len(buf) < 10:
                return
            n, at = struct.unpack("!Q", buf[2:10])[0], 10
        if masked:
            raise ValueError("the server masked a frame (RFC 6455 5.1 forbids it)")
        if len(buf) < at + n:
            return
        payload = bytes(buf[at:at + n])
        del buf[:at + n]
        yield bool(fin), opcode, payload


class Socket:
    """One probe socket: its handshake, then its asks one after the other."""

    def __init__(self, index, addr, port, host_header, path, timeout):
        self.index, self.exchanges, self.errors = index, [], []
        self.buf, self.parts, self.kind = bytearray(), [], None
        key = base64.b64encode(os.urandom(16))
        request = (f"GET {path} HTTP/1.1\r\nHost: {host_header}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key.decode()}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode()
        started = time.perf_counter_ns()
        self.sock = socket.create_connection((addr, port), timeout=timeout)
        self.tcp_ns = time.perf_counter_ns() - started
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.sendall(request)
        head = bytearray()
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed during the opening handshake")
            head += chunk
        self.connect_ns = time.perf_counter_ns() - started
        end = head.index(b"\r\n\r\n") + 4
        self.buf += head[end:]   # frames that came with the 101
        lines = head[:end].decode("latin-1").split("\r\n")
        if lines[0].split(" ")[1:2] != ["101"]:
            raise ConnectionError(f"handshake answered {lines[0]!r}")
        accept = base64.b64encode(hashlib.sha1(key + GUID).digest()).decode()
        headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:] if l)}
        if headers.get("sec-websocket-accept") != accept:
            raise ConnectionError("wrong Sec-WebSocket-Accept")
        self.sock.setblocking(False)

    def ask(self, text, max_tokens):
        body = json.dumps({"type": "ask", "text": text, "max_tokens": max_tokens}).encode()
        self.sock.setblocking(True)
        self.sock.sendall(frame(TEXT, body))
        self.sent_at = time.perf_counter_ns()
        self.sock.setblocking(False)
        self.first_token, self.tokens = None, 0

    def read(self, now):
        """Reads what is there; True when the awaited done (or an error) came, or the socket closed."""
        try:
            chunk = self.sock.recv(65536)
        except BlockingIOError:
            return False
        if not chunk:
            self.errors.append("closed by the server")
            return True
        self.buf += chunk
        return self.drain(now)

    def drain(self, now):
        """Takes the whole frames read so far (frames after a done stay for the next ask); True as read's."""
        for fin, opcode, payload in frames(self.buf):
            if opcode == PING:
                self.sock.setblocking(True)
                self.sock.sendall(frame(PONG, payload))
                self.sock.setblocking(False)
            elif opcode == CLOSE:
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                self.errors.append(f"closed by the server: {code}")
                return True
            elif opcode in (TEXT, BINARY, 0):
                self.parts.append(payload)
                if fin and self.message(b"".join(self.parts), now):
                    self.parts = []
                    return True
                if fin:
                    self.parts = []
        return False

    def message(self, data, now):
        kind = json.loads(data).get("type")
        if kind == "token":
            self.tokens += 1
            if self.first_token is None:
                self.first_token = now
            return False
        if kind == "done":
            self.exchanges.append({"round_trip_ms": ms(now - self.sent_at), "tokens": self.tokens,
                                   "ttft_ms": ms(self.first_token - self.sent_at) if self.first_token else None})
            return True
        self.errors.append(data.decode("utf-8", "replace")[:200])
        return True

    def close(self):
        try:
            self.sock.setblocking(True)
            self.sock.settimeout(1)
            self.sock.sendall(frame(CLOSE, struct.pack("!H", 1000)))
        except OSError:
            pass
        self.sock.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("url", help="ws://127.0.0.1:PORT/ws/chat (loopback only)")
    p.add_argument("--sockets", type=int, default=5)
    p.add_argument("--asks", type=int, default=3, help="asks on each socket, one after the other")
    p.add_argument("--max-tokens", type=int, default=10)
    p.add_argument("--text", default="what is the capital of France")
    p.add_argument("--timeout", type=float, default=30, help="seconds for a connect, and for an answer")
    p.add_argument("--json", help="also write every figure here")
    a = p.parse_args()
    u = urllib.parse.urlsplit(a.url)
    if u.scheme != "ws" or not u.hostname:
        sys.exit("ws_probe: a ws:// URL, please (no TLS here)")
    if not 1 <= a.sockets <= 100 or not 1 <= a.asks <= 1000:
        sys.exit("ws_probe: --sockets 1-100, --asks 1-1000")
    addr = loopback(u.hostname)
    port = u.port or 80
    began = time.time()
    socks = []
    try:
        for i in range(a.sockets):
            socks.append(Socket(i + 1, addr, port, u.netloc, u.path or "/", a.timeout))
        run(socks, a)
    except (OSError, ValueError) as e:
        sys.exit(f"ws_probe: {e} ({len(socks)} sockets open)")
    finally:
        for s in socks:
            s.close()
    sys.exit(report(socks, a, began, time.time()))


def run(socks, a):
    """Every socket asks, reads its answer to the done, and asks again, all at once, until each has asked a.asks times."""
    sel = selectors.DefaultSelector()
    for s in socks:
        sel.register(s.sock, selectors.EVENT_READ, s)
        s.ask(a.text, a.max_tokens)
    busy = len(socks)
    while busy:
        events = sel.select(timeout=a.timeout)
        now = time.perf_counter_ns()
        if not events:
            for s in socks:
                if sel.get_map().get(s.sock):
                    s.errors.append(f"no done within {a.timeout:g} s")
            return
        for key, _ in events:
            s = key.data
            if s.read(now):
                if s.errors or len(s.exchanges) == a.asks:
                    sel.unregister(s.sock)
                    busy -= 1
                else:
                    s.ask(a.text, a.max_tokens)


def report(socks, a, began, ended):
    rows = []
    for s in socks:
        print(f"socket {s.index}: connect {ms(s.connect_ns):.2f} ms (TCP {ms(s.tcp_ns):.2f} ms)")
        for j, e in enumerate(s.exchanges, 1):
            ttft = f"{e['ttft_ms']:.1f}" if e["ttft_ms"] is not None else "-"
            print(f"  ask {j}: ttft {ttft} ms, round trip {e['round_trip_ms']:.1f} ms, {e['tokens']} tokens")
            rows.append(e)
        for err in s.errors:
            print(f"  error: {err}")
    connects = [ms(s.connect_ns) for s in socks]
    trips = [e["round_trip_ms"] for e in rows]
    ttfts = [e["ttft_ms"] for e in rows if e["ttft_ms"] is not None]
    med = lambda v: statistics.median(v) if v else float("nan")
    errors = sum(len(s.errors) for s in socks)
    print(f"medians: connect {med(connects):.2f} ms ({len(connects)} sockets), round trip {med(trips):.1f} ms,"
          f" ttft {med(ttfts):.1f} ms ({len(trips)} of {a.sockets * a.asks} exchanges; {errors} errors)")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"started": began, "ended": ended, "connect_ms": connects, "exchanges": rows,
                       "errors": [e for s in socks for e in s.errors]}, f)
    return 1 if errors else 0


if __name__ == "__main__":
    main()
