#!/usr/bin/env python3
# serve_load.py — `broadside serve` under load: many clients at once asking for previews of
# different designs and languages (Latin, Chinese, Arabic...). Every answer must be the PNG a
# lone request gets, byte for byte, or 503 with Retry-After; the server's memory (itself and
# its render processes) must stay flat; it must stay up and stop cleanly.
# Usage: serve_load.py BROADSIDE [REQUESTS] [CLIENTS]   (ctest runs a short round; bench a long one)
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

BINARY = sys.argv[1]
REQUESTS = int(sys.argv[2]) if len(sys.argv) > 2 else 300
CLIENTS = int(sys.argv[3]) if len(sys.argv) > 3 else 12
# Small previews: the point is many renders through the pool, not big images.
DPI = 20
COMBOS = [("branch-poster-a4", "statement.en"), ("branch-poster-a4", "statement.zh"),
          ("branch-poster-a4", "statement.ar"), ("poster-meeting-a3", "statement.ru"),
          ("share-square", "statement.hi"), ("leaflet-a5", "statement.fa")]
TIMES = ["7 pm", "6:30 pm", "Thursday 8 pm"]

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def request_body(i):
    design, statement = COMBOS[i % len(COMBOS)]
    values = {"branch.name": "Leeds", "event.date": "2026-03-14",
              "event.time": TIMES[(i // len(COMBOS)) % len(TIMES)], "event.place": "Civic Hall"}
    return json.dumps({"design": design, "statement": statement, "values": values,
                       "format": "png", "dpi": DPI}).encode()


def post(port, body):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/render", data=body,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def rss_kib(pid):
    """Resident memory of the server and of every process it forked."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        if int(entry) == pid or int(fields.get("PPid", "0")) == pid:
            total += int(fields.get("VmRSS", "0 kB").split()[0])
    return total


def main():
    server = subprocess.Popen([BINARY, "serve", "--port", "0", "--workers", "2", "--queue", "4"],
                              stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline().split()[-1].rstrip("/").split(":")[-1])
    # A keystroke's preview against the first render of that design and statement (the font set
    # is loaded before the workers fork; the design, its paragraphs and glyphs are not).
    def timed(time_text):
        body = json.loads(request_body(0))
        body["values"]["event.time"] = time_text
        body["dpi"] = 96
        start = time.monotonic()
        status, _, answer = post(port, json.dumps(body).encode())
        if status != 200:
            fail(f"preview answered {status}: {answer[:200]!r}")
        return (time.monotonic() - start) * 1000
    cold = timed("Thursday 7")
    warm = min(timed(t) for t in ["Thursday 7p", "Thursday 7pm", "Thursday 7pm!"])
    print(f"preview at 96 dpi: first {cold:.0f} ms, after a keystroke {warm:.1f} ms "
          f"({warm / cold:.2f}x)")
    variants = len(COMBOS) * len(TIMES)
    # Lone renders, one at a time: what every answer under load must equal.
    expected = {}
    for i in range(variants):
        status, _, body = post(port, request_body(i))
        if status != 200:
            fail(f"lone render {i} answered {status}: {body[:200]!r}")
        expected[i] = body
    counts = {"ok": 0, "busy": 0}
    samples = []
    lock = threading.Lock()
    next_request = [0]

    def client():
        while True:
            with lock:
                i = next_request[0]
                next_request[0] += 1
                if i % 100 == 0:
                    samples.append((i, rss_kib(server.pid)))
            if i >= REQUESTS:
                return
            status, headers, body = post(port, request_body(i))
            if status == 200:
                if body != expected[i % variants]:
                    fail(f"request {i} ({COMBOS[i % len(COMBOS)]}): the PNG differs from a lone render's")
                with lock:
                    counts["ok"] += 1
            elif status == 503 and int(headers.get("Retry-After", "0")) >= 1:
                with lock:
                    counts["busy"] += 1
                time.sleep(0.02)  # a polite client backs off a little
            else:
                fail(f"request {i} answered {status}: {body[:200]!r}")

    start = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - start
    final = rss_kib(server.pid)
    print(f"{REQUESTS} requests from {CLIENTS} clients in {seconds:.1f} s: {counts['ok']} rendered, "
          f"{counts['busy']} turned away (503)")
    print("RSS KiB (server + workers) by request: " +
          ", ".join(f"{i}: {kib}" for i, kib in samples) + f", end: {final}")
    if counts["ok"] == 0:
        fail("nothing was rendered")
    if server.poll() is not None:
        fail(f"the server died (exit {server.returncode})")
    # Flat: after the first quarter (every worker has met every design and language), growth
    # stays under a few MiB, whatever the number of requests.
    # Under AddressSanitizer freed memory sits in its quarantine, so RSS says nothing there
    # (LeakSanitizer checks the server's clean stop instead).
    warm = [kib for i, kib in samples if i >= REQUESTS // 4]
    with open(BINARY, "rb") as f:
        sanitized = b"__asan_init" in f.read()
    if sanitized:
        print("memory not judged: an AddressSanitizer build")
    elif warm and final - warm[0] > 12 * 1024:
        fail(f"memory grew from {warm[0]} to {final} KiB after warming up")
    server.send_signal(signal.SIGTERM)
    code = server.wait(timeout=30)
    if code != 0:
        fail(f"the server's stop exited {code}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
