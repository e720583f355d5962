"""Scale of ``factx db build`` on NDJSON (not a test).

    python bench/db_scale.py [--docs 100000] [--work /tmp/factx-db-scale] [--batch-size 16]

Extracts ``corpus/`` once (``factx batch corpus -o WORK/corpus.jsonl``), replicates its records to
--docs documents with new source names (``rep/000123/corpus/NAME.txt``), builds a database from
that NDJSON with ``factx db build`` in a fresh process, and prints (JSON on stdout) the documents,
rows, seconds (wall and CPU), rows/s, documents/s, database size and the build's peak RSS (``ru_maxrss`` of that
process alone, read by a small parent process that runs nothing else). The replicated sources are
not files, so the sentence index stays empty: the figures are for the fact tables and consolidation.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def factx(*args: str) -> list[str]:
    return [sys.executable, "-m", "factx", *args]


def replicate(corpus_jsonl: Path, out: Path, docs: int) -> int:
    """Write ``docs`` records to ``out``: the corpus's records in turn, each with a new source."""
    lines = [json.loads(line) for line in corpus_jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    size = 0
    with out.open("w", encoding="utf-8") as handle:
        for i in range(docs):
            record = dict(lines[i % len(lines)])
            record["source"] = f"rep/{i:06d}/{record['source']}"
            line = json.dumps(record, ensure_ascii=False) + "\n"
            handle.write(line)
            size += len(line.encode("utf-8"))
    return size


def measured(cmd: list[str]) -> dict[str, object]:
    """Run ``cmd`` as the only child of a fresh process; its stdout, wall and CPU seconds, peak RSS."""
    probe = ("import json, resource, subprocess, sys, time\n"
             "start = time.perf_counter()\n"
             "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
             "seconds = time.perf_counter() - start\n"
             "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime\n"
             "sys.stderr.write(done.stderr[-2000:])\n"
             "print(json.dumps({'returncode': done.returncode, 'stdout': done.stdout, 'wall_seconds': seconds,"
             " 'peak_rss_mb': peak, 'cpu_seconds': cpu}))\n")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    sys.stderr.write(out.stderr)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/factx-db-scale"))
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    os.chdir(ROOT)  # the corpus's sources are relative to the checkout
    corpus_jsonl = args.work / "corpus.jsonl"
    if not corpus_jsonl.exists():
        subprocess.run(factx("batch", "corpus", "-o", str(corpus_jsonl), "--jobs", "1", "-q"), check=True)
    docs_jsonl = args.work / f"docs-{args.docs}.jsonl"
    started = time.perf_counter()
    ndjson_bytes = replicate(corpus_jsonl, docs_jsonl, args.docs)
    print(f"replicated {args.docs} documents ({ndjson_bytes / 1e6:.1f} MB) in {time.perf_counter() - started:.1f}s",
          file=sys.stderr)
    database = args.work / f"docs-{args.docs}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    run = measured(factx("db", "build", str(docs_jsonl), "--db", str(database), "--batch-size",
                         str(args.batch_size), "-q"))
    if run["returncode"] != 0:
        print(f"factx db build failed: exit {run['returncode']}", file=sys.stderr)
        return 1
    summary = json.loads(str(run["stdout"]))
    report = {"documents": summary["documents"], "failed": summary["failed"], "rows": summary["rows"],
              "build_seconds": summary["seconds"], "wall_seconds": round(float(str(run["wall_seconds"])), 1),
              "cpu_seconds": round(float(str(run["cpu_seconds"])), 1),
              "rows_per_second": summary["rows_per_second"],
              "documents_per_second": round(summary["documents"] / summary["seconds"], 1),
              "ndjson_mb": round(ndjson_bytes / 1e6, 1), "database_mb": round(summary["bytes"] / 1e6, 1),
              "peak_rss_mb": round(float(str(run["peak_rss_mb"])), 1),
              "self_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
