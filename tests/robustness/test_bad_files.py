"""A folder of bad files runs through ``factx batch``: every file is accounted for, never a traceback."""

import json
import os
import subprocess
from pathlib import Path

import pytest

CURLY = "date: 2024-03-05\n\n“Acme Corp” said revenue rose 12% to €3.1 billion — a record.\n"


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    (folder / "latin1.txt").write_bytes("date: 2024-03-05\n\nSão Paulo's café chain said revenue rose 12%.\n"
                                        .encode("latin-1"))
    (folder / "utf16.txt").write_bytes(CURLY.encode("utf-16"))
    (folder / "cp1252.txt").write_bytes(CURLY.replace("€", "EUR ").encode("cp1252"))
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + CURLY.encode("utf-8"))
    (folder / "crlf.txt").write_bytes(CURLY.replace("\n", "\r\n").encode("utf-8"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "huge.txt").write_bytes(b"Revenue rose. " * (21 * 1024 * 1024 // 14 + 1))  # over 20 MB
    (folder / "bad-header.txt").write_text("date: 2024-02-30\n\nText.", encoding="utf-8")
    # UTF-8 text that was once read as cp1252 and saved again: mojibake.
    (folder / "mojibake.txt").write_text(CURLY.encode("utf-8").decode("cp1252", errors="replace"), encoding="utf-8")
    loop = folder / "loop"
    loop.mkdir()
    os.symlink(loop, loop / "again")  # a folder symlink loop
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    return folder


def test_bad_files_every_file_is_accounted_for(factx_cmd: list[str], bad_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = subprocess.run([*factx_cmd, "batch", str(bad_folder), "-o", str(out), "--jobs", "1"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    records = {Path(r["source"]).name: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    expected = {"latin1.txt", "utf16.txt", "cp1252.txt", "bom.txt", "crlf.txt", "empty.txt", "binary.txt",
                "huge.txt", "bad-header.txt", "dangling.txt", "mojibake.txt"}
    assert set(records) == expected
    for name in ("latin1.txt", "utf16.txt", "cp1252.txt", "bom.txt", "crlf.txt", "mojibake.txt"):
        assert "error" not in records[name], records[name]
        assert records[name]["document_date"] == "2024-03-05"
        assert any(n["value"] == 12 for n in records[name]["numbers"]), name
    assert records["latin1.txt"]["encoding"] != "utf-8"
    assert "mojibake repaired" in records["mojibake.txt"]["encoding"]
    assert (3.1e9, "EUR") in [(n["value"], n["unit"]) for n in records["mojibake.txt"]["numbers"]]
    raw = (bad_folder / "mojibake.txt").read_text(encoding="utf-8")
    for number in records["mojibake.txt"]["numbers"]:
        assert raw[number["start"]:number["end"]] == number["text"]  # offsets index the text as decoded
    for name, word in (("empty.txt", "empty"), ("binary.txt", "binary"), ("huge.txt", "limit"),
                       ("bad-header.txt", "calendar date"), ("dangling.txt", "symlink")):
        message = records[name]["error"]["message"]
        assert word in message and "\n" not in message, (name, message)


def test_bad_files_crlf_offsets_index_the_text_as_read(extract: object, bad_folder: Path) -> None:
    from factx.read import read_source

    item = read_source(str(bad_folder / "crlf.txt"))
    import factx

    doc = factx.extract(item.content).to_dict()
    for number in doc["numbers"]:
        assert item.content[number["start"]:number["end"]] == number["text"]


def test_bad_files_closed_pipe_ends_quietly(factx_cmd: list[str], bad_folder: Path) -> None:
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    pipeline = f"{' '.join(factx_cmd)} batch {corpus} --jobs 1 -q | head -c 100 > /dev/null"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", pipeline], capture_output=True, text=True, timeout=600)
    assert "Traceback" not in result.stderr
    assert "BrokenPipe" not in result.stderr


def test_bad_files_full_disk_is_a_one_line_error(factx_cmd: list[str], bad_folder: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = subprocess.run([*factx_cmd, "batch", str(bad_folder / "crlf.txt"), "-o", "/dev/full", "-q"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr.startswith("factx: error: cannot write output") and result.stderr.count("\n") == 1
