#!/usr/bin/env python3
"""bench_stop: does `mizan serve` answer every request it accepted when it
gets SIGTERM?

Each round starts `mizan serve` (2 threads) over a store of the sample
articles, has C clients each connect and send a whole POST /api/check at
once, sends SIGTERM as soon as the last request is written (most are then
queued behind the two workers, some still in the kernel's accept queue),
and counts the clients that got a reply, those that got none (connection
closed or reset with nothing read) and the server's exit code.

Usage: bench/bench_stop.py BUILD [ROUNDS] [CLIENTS]   (default 10 rounds, 30 clients)
Environment: ARTICLES (a JSONL file to ingest instead of sample/articles.jsonl,
             e.g. from bench/make_store.py, so that each check takes longer).
"""
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

BODY = '{"claim": "التحالف الدولي يقول إنه لم يتبق في العراق وسوريا سوى أقل من ألف مقاتل", "k": 20}'.encode()
REQ = (b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
       b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(BODY)) + BODY


def client(port, sent, out, i):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
    except OSError:
        out[i] = "refused"
        sent.release()
        return
    try:
        s.sendall(REQ)
        sent.release()
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        out[i] = data[9:12].decode() if data.startswith(b"HTTP/1.") else "empty"
    except OSError as e:
        out[i] = "reset" if isinstance(e, ConnectionResetError) else "error"
    finally:
        s.close()


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    mizan = os.path.join(build, "mizan")
    totals = {}
    with tempfile.TemporaryDirectory(prefix="mizan-stop-") as tmp:
        db = os.path.join(tmp, "s.db")
        articles = os.environ.get("ARTICLES", "sample/articles.jsonl")
        subprocess.run([mizan, "ingest", "--db", db, articles], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"== SIGTERM with {n} requests sent: {rounds} rounds, serve --threads 2, "
              f"{os.cpu_count()} cpus")
        for r in range(rounds):
            p = subprocess.Popen([mizan, "serve", "--db", db, "--port", "0", "--threads", "2",
                                  "--quiet"], stderr=subprocess.PIPE, text=True)
            m = re.search(r":(\d+)/", p.stderr.readline())
            port = int(m.group(1))
            sent = threading.Semaphore(0)
            out = [None] * n
            ts = [threading.Thread(target=client, args=(port, sent, out, i)) for i in range(n)]
            for t in ts:
                t.start()
            for _ in range(n):
                sent.acquire()
            t0 = time.monotonic()
            p.send_signal(signal.SIGTERM)
            for t in ts:
                t.join()
            rc = p.wait()
            dt = time.monotonic() - t0
            counts = {}
            for o in out:
                counts[o] = counts.get(o, 0) + 1
                totals[o] = totals.get(o, 0) + 1
            print(f"round {r + 1:2}: {dict(sorted(counts.items()))}  exit {rc}  "
                  f"stopped in {dt:.2f} s")
    print(f"total: {dict(sorted(totals.items()))}")


if __name__ == "__main__":
    main()
