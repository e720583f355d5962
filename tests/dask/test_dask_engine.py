"""factx on Dask: a 2-worker LocalCluster gives the same records as the local engine; Parquet output."""

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("dask")
    paths = []
    for path in sorted(CORPUS.glob("*.txt"))[:14]:
        target = folder / path.name
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(str(target))
    broken = folder / "zz_binary.txt"
    broken.write_bytes(b"\x00\x01binary\x00")
    return [*paths, str(broken)]


def _key(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True)


def test_dask_extract_bag_matches_local_and_loads_the_model_once_per_worker(inputs: list[str]) -> None:
    from distributed import Client

    from factx.api import BatchOptions
    from factx.engines import run
    from factx.engines.dask import extract_bag, local_cluster
    from factx.nlp import load_count

    local = list(run(inputs, BatchOptions(), jobs=1))
    with local_cluster(2) as cluster, Client(cluster) as client:
        bag = extract_bag(inputs, partition_size=3)
        remote = bag.compute()
        loads = client.run(load_count)
        trim = client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_")
    assert sorted(map(_key, remote)) == sorted(map(_key, local))
    assert any("error" in r for r in remote)  # the binary file is an error record on Dask too
    assert len(loads) == 2 and all(count == 1 for count in loads.values()), loads
    # Dask's fixed malloc trim threshold slows spaCy; the factx local cluster leaves glibc's default.
    assert set(trim.values()) == {None}, trim


def test_dask_cli_engine_and_parquet_output(factx_cmd: list[str], inputs: list[str], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from factx.facttypes import fact_types

    ndjson = tmp_path / "local.jsonl"
    local = subprocess.run([*factx_cmd, "batch", *inputs, "-o", str(ndjson), "--jobs", "1", "-q"],
                           capture_output=True, text=True, timeout=600)
    assert local.returncode == 1  # the binary file
    dask_out = tmp_path / "dask.jsonl"
    remote = subprocess.run([*factx_cmd, "batch", *inputs, "-o", str(dask_out), "--engine", "dask", "--workers", "2"],
                            capture_output=True, text=True, timeout=600)
    assert remote.returncode == 1, remote.stderr
    assert "documents" in remote.stderr  # the same summary
    assert dask_out.read_text(encoding="utf-8") == ndjson.read_text(encoding="utf-8")

    out_dir = tmp_path / "parquet"
    result = subprocess.run([*factx_cmd, "batch", *inputs, "--format", "parquet", "--out-dir", str(out_dir), "-q",
                             "--engine", "dask", "--workers", "2"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr
    docs = [json.loads(line) for line in ndjson.read_text(encoding="utf-8").splitlines()]
    for fact in fact_types():
        table = pq.read_table(out_dir / fact.name)
        assert table.num_rows == sum(len(d.get(fact.name, [])) for d in docs), fact.name
        assert str(table.schema.field("source").type) == "string"
        for spec in fact.offsets:
            assert str(table.schema.field(spec.start).type) == "int64"
    assert str(pq.read_table(out_dir / "numbers").schema.field("value").type) == "double"
    assert str(pq.read_table(out_dir / "dates").schema.field("value").type) == "string"
    assert pq.read_table(out_dir / "errors").num_rows == 1
