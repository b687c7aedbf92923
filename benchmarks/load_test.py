"""A bounded load test of `redactor serve` on loopback: mixed formats, fixed concurrency, latency and memory.

    .venv/bin/python benchmarks/load_test.py [--requests 200] [--concurrency 8] [--workers 1] [--json]

Starts the service in a subprocess (a token set, one worker by default) on a free loopback port,
waits for it to load its models, then sends ``--requests`` uploads of the sample documents
(``samples/documents``: .txt, .docx, .pdf, plus .md and .eml made from the text samples), ``--concurrency``
at a time, along the ``anonymise`` path (which never withholds, so every answer should be 200).
Reports latency percentiles, throughput, every status seen, and the server's resident memory
(sum over its processes, sampled every 0.2 s): after warm-up, after the first quarter of the
requests, at the end and at peak, so growth across the run shows. Exits 1 if any request failed.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "samples" / "documents"


def corpus(seed: int = 7) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every format: the samples, and .md and .eml built from the text samples."""
    texts = sorted(DOCS.glob("*.txt"))
    items = [(p.name, p.read_bytes()) for p in texts + sorted(DOCS.glob("*.docx")) + sorted(DOCS.glob("*.pdf"))]
    rng = random.Random(seed)
    for p in rng.sample(texts, 20):
        items.append((p.stem + ".md", ("# " + p.stem + "\n\n").encode() + p.read_bytes()))
        message = EmailMessage()
        message["From"] = "Governance and Legal Unit <glu@example.org>"
        message["To"] = "member@example.org"
        message["Subject"] = p.stem.replace("-", " ")
        message.set_content(p.read_text(encoding="utf-8"))
        items.append((p.stem + ".eml", message.as_bytes()))
    return items


def rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and its children (uvicorn workers), KiB."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run(requests: int, concurrency: int, workers: int) -> dict:
    import httpx

    token = secrets.token_hex(16)
    port = free_port()
    env = {**os.environ, "REDACTOR_TOKEN": token}
    log = tempfile.TemporaryFile("w+")  # the server's log, shown if it fails
    server = subprocess.Popen([sys.executable, "-m", "redactor", "serve", "--port", str(port), "--workers",
                               str(workers)], env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    samples: list[tuple[float, int]] = []
    stop = threading.Event()
    try:
        started = time.perf_counter()
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=5).json().get("status") == "ok":
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.perf_counter() - started > 300:
                log.seek(0)
                raise SystemExit(f"the service did not start:\n{log.read()[-3000:]}")
            time.sleep(0.3)
        startup = time.perf_counter() - started

        def sample() -> None:
            while not stop.is_set():
                samples.append((time.perf_counter(), rss_kib(server.pid)))
                stop.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        rss_ready = rss_kib(server.pid)
        docs = corpus()
        rng = random.Random(11)
        plan = [rng.choice(docs) for _ in range(requests)]
        headers = {"Authorization": f"Bearer {token}"}
        results: list[tuple[str, int, float, int]] = []  # (ext, status, seconds, finished order)
        lock = threading.Lock()
        quarter_rss: list[int] = []
        client = httpx.Client(timeout=300, limits=httpx.Limits(max_connections=concurrency))

        def one(item: tuple[str, bytes]) -> None:
            name, data = item
            t = time.perf_counter()
            try:
                r = client.post(url + "/v1/redact", files={"file": (name, data)}, data={"path": "anonymise"},
                                headers=headers)
                status = r.status_code
            except httpx.HTTPError:
                status = 0
            with lock:
                results.append((Path(name).suffix, status, time.perf_counter() - t, len(results)))
                if len(results) == requests // 4:
                    quarter_rss.append(rss_kib(server.pid))

        t0 = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(one, plan))
        wall = time.perf_counter() - t0
        client.close()
        stop.set()
        sampler.join()
        rss_end = rss_kib(server.pid)
    finally:
        stop.set()
        died = server.poll()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
        if died is not None:
            log.seek(0)
            print(f"the service died (exit {died}):\n{log.read()[-3000:]}", file=sys.stderr)
    latencies = [r[2] for r in results]
    statuses: dict[str, int] = {}
    by_format: dict[str, list[float]] = {}
    for ext, status, seconds, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
        by_format.setdefault(ext, []).append(seconds)
    return {
        "requests": requests, "concurrency": concurrency, "workers": workers, "startup_seconds": round(startup, 1),
        "wall_seconds": round(wall, 1), "throughput_per_second": round(requests / wall, 2), "statuses": statuses,
        "latency_ms": {"p50": round(percentile(latencies, 0.5) * 1000),
                       "p95": round(percentile(latencies, 0.95) * 1000),
                       "max": round(max(latencies) * 1000), "mean": round(statistics.mean(latencies) * 1000)},
        "p50_ms_by_format": {ext: round(percentile(v, 0.5) * 1000) for ext, v in sorted(by_format.items())},
        "rss_mib": {"ready": round(rss_ready / 1024), "after_first_quarter": round((quarter_rss or [0])[0] / 1024),
                    "end": round(rss_end / 1024), "peak": round(max((s[1] for s in samples), default=0) / 1024)},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.requests, args.concurrency, args.workers)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        lat, rss = result["latency_ms"], result["rss_mib"]
        print(f"{result['requests']} requests, {result['concurrency']} at a time, {result['workers']} worker(s); "
              f"service ready in {result['startup_seconds']} s")
        print(f"statuses: {result['statuses']}; {result['wall_seconds']} s, {result['throughput_per_second']}/s")
        print(f"latency ms: p50 {lat['p50']}, p95 {lat['p95']}, max {lat['max']}, mean {lat['mean']}")
        print("p50 ms by format: " + ", ".join(f"{k} {v}" for k, v in result["p50_ms_by_format"].items()))
        print(f"server RSS MiB: ready {rss['ready']}, after 1/4 {rss['after_first_quarter']}, end {rss['end']}, "
              f"peak {rss['peak']}")
    return 0 if set(result["statuses"]) == {"200"} else 1


if __name__ == "__main__":
    sys.exit(main())
