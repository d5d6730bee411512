#!/usr/bin/env python3
"""bench_idle_conns: how long a new client waits for GET /api/health while
N other connections sit idle on `mizan serve`.

Three kinds of idle connection are tried, each against a fresh server:
  silent     connected, nothing sent (a stuck or hostile client)
  partial    half a request line sent, then nothing (slowloris)
  keepalive  one request answered, the connection kept open and idle
For each, N sockets are opened (each confirmed accepted by the kernel), then
one real request is timed on a new connection (and a second one 1 s later).
"No reply" means the request got nothing within the per-request limit.

Usage: bench/bench_idle_conns.py BUILD [N] [extra serve flags...]
       e.g. python3 bench/bench_idle_conns.py build 1000
            python3 bench/bench_idle_conns.py build 1000 --per-ip 0
Environment: WAIT (seconds to wait for the timed request, default 40);
             IDLE_FROM (source address of the idle sockets, e.g. 127.0.0.2,
             to try --per-ip-limit: the timed request comes from 127.0.0.1).
"""
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time

REQ = b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


def start(build, db, extra):
    p = subprocess.Popen([os.path.join(build, "mizan"), "serve", "--db", db, "--port", "0",
                          "--threads", "2", "--quiet", *extra],
                         stderr=subprocess.PIPE, text=True)
    line = p.stderr.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        p.kill()
        sys.exit(f"serve did not start: {line}{p.stderr.read()}")
    return p, int(m.group(1))


def timed_request(port, wait):
    t0 = time.monotonic()
    s = socket.create_connection(("127.0.0.1", port), timeout=wait)
    try:
        s.sendall(REQ)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    finally:
        s.close()
    dt = time.monotonic() - t0
    status = data[9:12].decode() if data.startswith(b"HTTP/1.") else "no reply"
    return status, dt


def open_idle(port, n, kind):
    socks = []
    src = os.environ.get("IDLE_FROM")
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=40,
                                     source_address=(src, 0) if src else None)
        try:
            if kind == "partial":
                s.sendall(b"GET /api/hea")
            elif kind == "keepalive":
                s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                s.recv(65536)  # the reply; the connection stays open
        except OSError:
            pass  # closed by the server (a limit): counted below
        socks.append(s)
    return socks


def is_closed(s):
    """True when the server closed (or reset) this socket: EOF is readable."""
    s.setblocking(False)
    try:
        while True:
            data = s.recv(65536)
            if not data:
                return True
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        s.setblocking(True)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    extra = sys.argv[3:]
    wait = float(os.environ.get("WAIT", "40"))
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, n + 256)), hard))
    print(f"== idle connections: N={n}, serve flags: {' '.join(extra) or '(defaults)'}, "
          f"{os.cpu_count()} cpus")
    with tempfile.TemporaryDirectory(prefix="mizan-idle-") as tmp:
        for kind in ("silent", "partial", "keepalive"):
            p, port = start(build, os.path.join(tmp, f"{kind}.db"), extra)
            try:
                socks = open_idle(port, n, kind)
                time.sleep(0.5)
                closed = sum(1 for s in socks if is_closed(s))
                st1, t1 = timed_request(port, wait)
                time.sleep(1)
                st2, t2 = timed_request(port, wait)
                print(f"{kind:<10} first request: {st1:>8} in {t1:6.2f} s;"
                      f"  1 s later: {st2:>8} in {t2:6.2f} s;"
                      f"  idle sockets closed by the server before it: {closed}")
                for s in socks:
                    s.close()
            finally:
                p.terminate()
                p.wait()


if __name__ == "__main__":
    main()
