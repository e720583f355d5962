"""Records to JSON: the one place where a record becomes JSON data, then text (compact for
machines, indented for people)."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any


def to_data(value: Any) -> Any:
    """JSON data of a record: a dataclass becomes a dict in field order, tuples and lists become
    lists. A field with ``omit_if_none`` metadata is left out when the fields it names are all None;
    a field with ``flatten`` metadata (a dict) has its items written in its place."""
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in fields(value):
            item = getattr(value, f.name)
            omit = f.metadata.get("omit_if_none")
            if omit and all(getattr(value, name) is None for name in omit):
                continue
            if f.metadata.get("flatten"):
                out.update((key, to_data(v)) for key, v in item.items())
            else:
                out[f.name] = to_data(item)
        return out
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {key: to_data(v) for key, v in value.items()}
    return value


def to_json(data: dict[str, Any], *, pretty: bool = False) -> str:
    """One JSON document; stable key order (the records' order), UTF-8 text kept as is."""
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def to_ndjson_line(data: dict[str, Any]) -> str:
    """One line of NDJSON, newline included."""
    return to_json(data) + "\n"
