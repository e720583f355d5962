"""``factx schema``: print the JSON Schema of the output document."""

from __future__ import annotations

from ..schema import record_schema
from ..serialize import to_json
from .console import stdout_is_terminal, write_json_stdout


def schema_cli() -> None:
    """Print the JSON Schema that every record factx writes conforms to: a document or an error record."""
    pretty = stdout_is_terminal()
    write_json_stdout(to_json(record_schema(), pretty=pretty), pretty=pretty)
