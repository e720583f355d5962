"""Records to JSON text: compact for machines, indented for people."""

from __future__ import annotations

import json
from typing import Any


def to_json(data: dict[str, Any], *, pretty: bool = False) -> str:
    """One JSON document; stable key order (the records' order), UTF-8 text kept as is."""
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def to_ndjson_line(data: dict[str, Any]) -> str:
    """One line of NDJSON, newline included."""
    return to_json(data) + "\n"
