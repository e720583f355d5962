"""``factx schema``: print the JSON Schema of the output document."""

from __future__ import annotations

from ..schema import document_schema
from ..serialize import to_json
from .console import stdout_is_terminal, write_json_stdout


def schema_cli() -> None:
    """Print the JSON Schema that every document factx writes conforms to."""
    pretty = stdout_is_terminal()
    write_json_stdout(to_json(document_schema(), pretty=pretty), pretty=pretty)
