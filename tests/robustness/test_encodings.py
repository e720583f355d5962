"""Files that are not UTF-8: Western European text in its usual code pages, UTF-16 without a byte-order
mark, and non-Western single-byte text that must keep being read right."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from factx.errors import DecodeError
from factx.facttypes import offset_items
from factx.read import decode

FRENCH = ("Le président François Hollande a rencontré Hélène Dupré à Genève. Elle était très émue, "
          "et il a déclaré que les élèves étaient fiers.")
SPANISH = ("El presidente de la compañía, José Peña Núñez, anunció el lunes en São Paulo que la empresa "
           "invertirá 500 millones de dólares, dijo la señora María Ibáñez.")
ITALIAN = ("Il ministro dell'Economia, Niccolò Perù, ha dichiarato giovedì a Bolzano che la crescita sarà più "
           "forte del previsto, perché già quest'anno le entrate sono aumentate, ha affermato Lucía Caffè.")
GERMAN = ("Der Vorstandsvorsitzende Jürgen Schäfer sagte am Dienstag in München, der Umsatz sei um 5 Prozent "
          "gestiegen. „Wir sind zufrieden“, erklärte die Finanzchefin Brigitte Weiß in Düsseldorf.")
RUSSIAN = ("Президент компании «Газпром» Алексей Миллер заявил в понедельник в Москве, что выручка выросла "
           "на пять процентов. По его словам, в следующем году компания увеличит инвестиции в Сибири.")
GREEK = ("Ο πρωθυπουργός Κυριάκος Μητσοτάκης δήλωσε τη Δευτέρα στην Αθήνα ότι η οικονομία αναπτύχθηκε "
         "κατά πέντε τοις εκατό. Η υπουργός Οικονομικών ανακοίνωσε νέα μέτρα για τις επιχειρήσεις.")

WESTERN = [
    ("french-latin1", FRENCH, "latin-1"), ("french-cp1252", FRENCH, "cp1252"),
    ("spanish-latin1", SPANISH, "latin-1"), ("spanish-cp1252", SPANISH, "cp1252"),
    ("italian-latin1", ITALIAN, "latin-1"), ("italian-cp1252", ITALIAN, "cp1252"),
    ("german-cp1252", GERMAN, "cp1252"),
]


@pytest.mark.parametrize(("name", "text", "encoding"), WESTERN, ids=[w[0] for w in WESTERN])
def test_western_text_is_decoded_as_a_western_code_page(name: str, text: str, encoding: str) -> None:
    item = decode(text.encode(encoding), name)
    assert item.content == text
    assert item.encoding == "cp1252"  # cp1252 is a superset of latin-1's printable characters


@pytest.mark.parametrize(("text", "encoding", "reported"), [
    (RUSSIAN, "cp1251", "cp1251"), (GREEK, "cp1253", "cp1253"),
])
def test_non_western_single_byte_text_is_still_detected(text: str, encoding: str, reported: str) -> None:
    item = decode(text.encode(encoding), "x")
    assert item.content == text
    assert item.encoding == reported


def test_a_forced_encoding_reads_central_european_text() -> None:
    czech = "Předseda vlády Petr Fiala v pondělí v Praze řekl, že ekonomika poroste."
    item = decode(czech.encode("cp1250"), "x", encoding="cp1250")
    assert (item.content, item.encoding) == (czech, "cp1250")
    with pytest.raises(DecodeError, match="cannot decode as utf-8"):
        decode(czech.encode("cp1250"), "x", encoding="utf-8")


@pytest.mark.parametrize("text", [FRENCH, GERMAN, RUSSIAN, GREEK])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_told_by_its_nuls(text: str, encoding: str) -> None:
    item = decode(text.encode(encoding), "x")
    assert item.content == text
    assert item.encoding == encoding


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,  # every byte value
    b"".join(i.to_bytes(4, "little") for i in range(2000)),  # NULs at even and odd offsets
    "text".encode("utf-16-le") + b"\x00\x00\x01\x00" * 100,  # UTF-16-like, then control characters
    FRENCH.encode("utf-16-le")[:-1],  # an odd number of bytes cannot be UTF-16
])
def test_binary_with_nuls_is_still_refused(data: bytes) -> None:
    with pytest.raises(DecodeError, match="looks binary"):
        decode(data, "x")


def test_batch_finds_the_people_of_western_and_utf16_files(factx_cmd: list[str], tmp_path: Path) -> None:
    header = "date: 2024-03-05\n\n"
    files = {"fr.txt": (FRENCH, "latin-1"), "es.txt": (SPANISH, "cp1252"), "it.txt": (ITALIAN, "latin-1"),
             "de16.txt": (GERMAN, "utf-16-le")}
    for name, (text, encoding) in files.items():
        (tmp_path / name).write_bytes((header + text).encode(encoding))
    result = subprocess.run([*factx_cmd, "batch", str(tmp_path), "--jobs", "1", "-q"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    records = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert {name: r["encoding"] for name, r in records.items()} == {
        "fr.txt": "cp1252", "es.txt": "cp1252", "it.txt": "cp1252", "de16.txt": "utf-16-le"}
    people = {name: {p["name"] for p in r["people"]} for name, r in records.items()}
    assert {"François Hollande", "Hélène Dupré"} <= people["fr.txt"]
    assert {"José Peña Núñez", "María Ibáñez"} <= people["es.txt"]
    assert {"Niccolò Perù", "Lucía Caffè"} <= people["it.txt"]
    # the decoding is what is tested: the model's three-word name "Finanzchefin Brigitte Weiß" is kept as
    # the model gives it (people are not cut at a known given name)
    assert "Jürgen Schäfer" in people["de16.txt"] and any(n.endswith("Brigitte Weiß") for n in people["de16.txt"])
    for name, (text, encoding) in files.items():
        content = (header + text).encode(encoding).decode(encoding)
        for item in offset_items(records[name]):  # every fact type's spans, from the registry
            assert content[item["start"]:item["end"]] == item["text"]
