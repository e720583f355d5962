"""Decomposed Unicode and invisible characters: names are found in the normalized text, offsets and
``text`` index the input exactly as read, through one offset map (composed with mojibake repair)."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import factx
from factx import api
from factx.facttypes import offset_items
from factx.nlp import DEFAULT_MODEL
from factx.offsets import OffsetMap, normalize_for_matching
from factx.read import SourceText

NFC_ARTICLE = "date: 2024-05-01\n\nZoë Müller, chief executive of Nestlé Group, said on Monday that sales rose 5%.\n"
NFD_ARTICLE = unicodedata.normalize("NFD", NFC_ARTICLE)
JOINED = "date: 2024-05-01\n\nJohn\u200dSmith, chief executive of Acme\u200b Corp, said on Monday that sales rose 5%.\n"


def _items(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return list(offset_items(doc))  # every record and mention of every fact type with a span (the registry)


def test_normalize_composes_and_drops_invisible_characters() -> None:
    text = "Zoe\u0308\u200b and John\u200dSmith"
    normalized, mapping = normalize_for_matching(text) or ("", None)
    assert normalized == "Zoë and John Smith"
    assert mapping is not None
    assert mapping.span(0, 3) == (0, 4, "Zoe\u0308")  # "Zoë" covers the combining mark
    assert mapping.span(8, 18) == (10, 20, "John\u200dSmith")
    assert mapping.span(3, 6) == (5, 8, " an")


def test_normalize_drops_soft_hyphens_and_word_joiners() -> None:
    normalized, mapping = normalize_for_matching("Schwarz\u00adenegger met Anna\u2060Berg.") or ("", None)
    assert normalized == "Schwarzenegger met Anna Berg."
    assert mapping is not None and mapping.span(0, 14) == (0, 15, "Schwarz\u00adenegger")


def test_normalize_leaves_normalized_text_alone() -> None:
    assert normalize_for_matching("Zoë Müller of 中国银行 said 😀") is None


def test_map_composed_with_a_repair_reaches_the_input_as_read() -> None:
    original = "CafÃ© Zoe\u0308"
    repaired = "Café Zoe\u0308"
    normalized, inner = normalize_for_matching(repaired) or ("", None)
    assert normalized == "Café Zoë" and inner is not None
    mapping = inner.then(OffsetMap(original, repaired))
    assert mapping.span(5, 8) == (6, 10, "Zoe\u0308")
    assert mapping.span(0, 4) == (0, 5, "CafÃ©")


def test_decomposed_text_gives_the_same_people_and_organizations(extract: Any) -> None:
    nfc, nfd = extract(NFC_ARTICLE), extract(NFD_ARTICLE)
    assert "Zoë Müller" in [p["name"] for p in nfc["people"]]
    assert [p["name"] for p in nfd["people"]] == [p["name"] for p in nfc["people"]]
    assert [o["name"] for o in nfd["organizations"]] == [o["name"] for o in nfc["organizations"]]
    for item in _items(nfd):
        assert NFD_ARTICLE[item["start"]:item["end"]] == item["text"]
    mention = nfd["people"][0]["mentions"][0]
    assert mention["text"] == unicodedata.normalize("NFD", "Zoë Müller")  # as written in the input


def test_invisible_characters_do_not_stay_inside_names(extract: Any) -> None:
    doc = extract(JOINED)
    assert [p["name"] for p in doc["people"]] == ["John Smith"]
    assert [o["name"] for o in doc["organizations"]] == ["Acme Corp"]
    for item in _items(doc):
        assert JOINED[item["start"]:item["end"]] == item["text"]
    assert doc["people"][0]["mentions"][0]["text"] == "John\u200dSmith"


def test_mojibake_and_decomposed_text_in_one_input() -> None:
    content = "date: 2024-05-01\n\nJosÃ© Zoe\u0308 Garci\u0301a, chief executive of Acme Corp, said sales rose 5%.\n"
    from factx.read import repair_mojibake

    item = repair_mojibake(SourceText("x", content, "utf-8"))
    assert item.repaired is not None  # ftfy saw the mojibake
    doc = next(factx.process([item], model=DEFAULT_MODEL))
    assert isinstance(doc, factx.Document)
    record = doc.to_dict()
    assert "José Zoë García" in [p["name"] for p in record["people"]]
    assert record["encoding"] == "utf-8 (mojibake repaired)"
    for entry in _items(record):
        assert content[entry["start"]:entry["end"]] == entry["text"]


def test_a_long_decomposed_text_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "CHUNK_CHARS", 2_000)
    paragraph = unicodedata.normalize("NFD", "Zoë Müller, chief executive of Acme Corp, said sales rose 5%.\n\n")
    text = paragraph * 60
    doc = factx.extract(text, document_date="2024-03-05", model=DEFAULT_MODEL).to_dict()
    assert [p["name"] for p in doc["people"]] == ["Zoë Müller"]
    assert len(doc["people"][0]["mentions"]) == 60
    assert len(text) > 3_500 and doc["people"][0]["mentions"][-1]["start"] > 3_500  # past the first pieces
    for item in _items(doc):
        assert text[item["start"]:item["end"]] == item["text"]


def test_cli_offsets_index_the_file_as_read(factx_cmd: list[str], tmp_path: Path) -> None:
    path = tmp_path / "nfd.txt"
    path.write_bytes(NFD_ARTICLE.encode("utf-8"))
    result = subprocess.run([*factx_cmd, "extract", str(path), "--compact"], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    content = path.read_bytes().decode("utf-8")
    assert "Zoë Müller" in [p["name"] for p in doc["people"]]
    for item in _items(doc):
        assert content[item["start"]:item["end"]] == item["text"]
