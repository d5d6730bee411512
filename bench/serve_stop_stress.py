#!/usr/bin/env python3
"""serve_stop_stress.py — does `mizan serve` stop on SIGTERM at its connection limit?

Each round starts `mizan serve` under `ulimit -n 90` (a connection limit of
26), opens and closes connections from three threads (up to 40 held), sends
SIGTERM after 50-150 ms and waits 45 s for the exit. Prints each round that
did not exit 0 (HANG: still running after 45 s, then killed) and a count.
Stops here used to hang in libmicrohttpd (README, "HTTP API"); the process
ends itself 30 s after the signal (exit 1), so a hang shows as rc 1 with its
message, and libmicrohttpd's abort as rc -6.

Usage: python3 bench/serve_stop_stress.py MIZAN STORE.db ROUNDS   (~4-8 min for 30-60)
"""
import os, random, re, signal, socket, subprocess, sys, threading, time

mizan, store, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
cmd = (f"ulimit -n 90; exec {mizan} serve --db {store} --port 0 --threads 4 --quiet"
       f" --model {root}/models/stance.model --web {root}/web")
failed = 0
for it in range(n):
    p = subprocess.Popen(["bash", "-c", cmd], stderr=subprocess.PIPE, text=True)
    m = re.search(r":(\d+)/", p.stderr.readline())
    if not m:
        sys.exit("mizan serve did not start")
    port = int(m.group(1))
    stop = False
    socks = []
    def opener():
        while not stop:
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=0.5)
                socks.append(s)
                if len(socks) > 40:
                    socks.pop(0).close()
            except OSError:
                pass
    ts = [threading.Thread(target=opener) for _ in range(3)]
    for t in ts:
        t.start()
    time.sleep(0.05 + random.random() * 0.1)
    p.send_signal(signal.SIGTERM)
    try:
        rc = p.wait(timeout=45)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        rc = "HANG"
    err = p.stderr.read()
    stop = True
    for t in ts:
        t.join()
    for s in socks:
        s.close()
    if rc != 0:
        failed += 1
        print("round", it, "rc", rc, err.strip()[-120:], flush=True)
print(f"stops not clean: {failed} of {n}", flush=True)
