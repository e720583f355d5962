"""The factx command line: the app and its list of commands."""

from __future__ import annotations

from typing import Any

import typer

from .. import __version__
from . import batch, db, evaluate, extract, patterns, schema, show

app = typer.Typer(
    add_completion=True,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Extract people, titles, organizations, numbers and dates from news articles as JSON.",
    rich_markup_mode=None,
)

app.command("extract", help=extract.HELP)(extract.extract_cli)
app.command("batch", help=batch.HELP)(batch.batch_cli)
app.command("show", help=show.HELP)(show.show_cli)
app.command("eval", help=evaluate.HELP)(evaluate.eval_cli)
app.command("schema", help="Print the JSON Schema of factx's output: documents and error records.")(schema.schema_cli)
app.add_typer(patterns.app, name="patterns", help=patterns.HELP)
app.add_typer(db.app, name="db", help=db.HELP)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factx {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Extract people, titles, organizations, numbers and dates from news articles as JSON."""


def _json_escape(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: characters the output encoding lacks become JSON escapes (``\\u4e2d``,
    surrogate pairs beyond the BMP). factx writes non-ASCII text only inside JSON strings, where
    an escape means the same character, so stdout stays valid JSON in any encoding."""
    if not isinstance(err, UnicodeEncodeError):
        raise err
    out = []
    for char in err.object[err.start:err.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), err.end


def _configure_streams() -> None:
    """stdout is JSON whatever ``PYTHONIOENCODING`` says; stderr never fails on a character."""
    import codecs
    import io
    import sys

    codecs.register_error("factx-json", _json_escape)
    for stream, handler in ((sys.stdout, "factx-json"), (sys.stderr, "backslashreplace")):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if isinstance(stream, io.TextIOWrapper) and not encoding.startswith("utf"):
            stream.reconfigure(errors=handler)


def _readable_arguments(group: Any) -> None:
    """Show arguments in help as their placeholder alone (``FILE``, ``[PATH]...``), not with Typer's
    type labels (``{file}``, ``<list[str]>``); options already show theirs (``--jobs N``)."""
    for command in getattr(group, "commands", {}).values():
        _readable_arguments(command)  # the commands of a group (factx patterns check DIR)
        for param in command.params:
            if getattr(param, "param_type_name", "") != "argument":
                continue
            name = param.metavar or (param.name or "").upper()
            usage = (name if param.required else f"[{name}]") + ("..." if param.nargs != 1 else "")
            param.display_type_rich = lambda ctx: None
            param._usage_display_name = lambda usage=usage: usage


def _click_exceptions() -> Any:
    """The exceptions of the click that Typer runs on: its own copy (``typer._click``) or click."""
    import importlib

    try:
        return importlib.import_module("typer._click.exceptions")
    except ImportError:  # a Typer that uses click itself
        return importlib.import_module("click.exceptions")


def main() -> None:
    import os
    import sys

    _configure_streams()
    clicks = _click_exceptions()
    try:
        command = typer.main.get_command(app)
        _readable_arguments(command)
        code = command.main(standalone_mode=False, prog_name="factx")
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except clicks.NoArgsIsHelpError as err:  # "factx" alone: the help, as a usage error
        sys.stderr.write(err.ctx.get_help() + "\n" if err.ctx else str(err) + "\n")
        raise SystemExit(2) from None
    except clicks.UsageError as err:  # one line, like every other error: no box, no usage block
        where = err.ctx.command_path if err.ctx else "factx"
        message = " ".join(err.format_message().split())
        sys.stderr.write(f"factx: error: {message} (see {where} --help)\n")
        raise SystemExit(2) from None
    except typer.Abort:
        raise SystemExit(130) from None
    except clicks.ClickException as err:
        sys.stderr.write(f"factx: error: {' '.join(err.format_message().split())}\n")
        raise SystemExit(err.exit_code) from None
    except Exception as err:  # a bug: one line, the traceback only with FACTX_DEBUG=1
        if os.environ.get("FACTX_DEBUG"):
            raise
        sys.stderr.write(f"factx: internal error: {type(err).__name__}: {err} (FACTX_DEBUG=1 shows the traceback)\n")
        raise SystemExit(1) from None
    raise SystemExit(code if isinstance(code, int) else 0)
