"""Read inputs: a path or stdin, as bytes, decoded to the text that every offset indexes.

The text is decoded exactly as read: no newline translation, a UTF-8 byte-order mark kept as
U+FEFF, so ``open(path, encoding="utf-8", newline="").read()[start:end]`` gives each fact's text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import DecodeError, InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_SNIFF = 8192


MOJIBAKE_MAX_CHARS = 2_000_000  # aligning a repaired text with the original is quadratic at worst


@dataclass(frozen=True)
class SourceText:
    """One input: where it came from, its decoded text and the encoding used. ``repaired`` is the
    text with mojibake fixed ("cafÃ©" -> "café"), when ftfy was sure; facts are found in it, and
    their offsets are mapped back to ``content``."""

    source: str
    content: str
    encoding: str
    repaired: str | None = None


def read_bytes(source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read the raw bytes of a path, or of stdin when ``source`` is ``-``."""
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        try:
            if path.is_dir():
                raise InputError(f"{source}: is a directory")
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise InputError(f"{source}: no such file") from None
        except PermissionError:
            raise InputError(f"{source}: permission denied") from None
        except OSError as err:
            raise InputError(f"{source}: cannot read ({err.strerror or err})") from None
    if len(data) > max_bytes:
        raise InputError(f"{source}: larger than the {max_bytes:,}-byte limit (see --max-bytes)")
    return data


def decode(data: bytes, source: str, *, encoding: str | None = None) -> SourceText:
    """Decode bytes to text: the forced encoding, else UTF-8, else a detected encoding."""
    if encoding:
        try:
            return SourceText(source, data.decode(encoding), encoding)
        except (LookupError, UnicodeDecodeError) as err:
            raise DecodeError(f"{source}: cannot decode as {encoding}: {err}") from None
    if not data.strip():
        raise InputError(f"{source}: empty input")
    bom = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in data[:_SNIFF] and not bom:
        # NUL bytes never occur in text files, even where they decode as UTF-8, except in UTF-16.
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise DecodeError(f"{source}: looks binary, not text")
        return SourceText(source, data.decode(utf16), utf16)
    try:
        return SourceText(source, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    detected = detect_encoding(data)
    if detected is None:
        raise DecodeError(f"{source}: looks binary, not text")
    return SourceText(source, data.decode(detected), detected)


# Single-byte encodings of Western European text, tried first when UTF-8 fails: detection alone
# takes Latin-1 French for cp775 ("Franńois") or Spanish for cp1258 ("Săo Paulo"), since such a
# text decodes cleanly in many code pages. Order: the first that decodes cleanly is reported.
WESTERN_ENCODINGS = ("cp1252", "iso8859_15", "latin_1")
_CHAOS_MARGIN = 0.05  # another encoding wins only if its text is clearly less garbled ...
_COHERENCE_MARGIN = 0.15  # ... or reads clearly more like a language (Polish in cp1250, Russian in cp1251)


def detect_encoding(data: bytes) -> str | None:
    """The encoding of non-UTF-8 ``data``: a Western one (``WESTERN_ENCODINGS``) when it decodes
    as cleanly and reads about as well as charset-normalizer's best guess, else that guess; None
    when nothing decodes as text. charset-normalizer scores each decoding by its "chaos" (odd
    characters, mixed scripts) and its "coherence" (letter frequencies of a language)."""
    from charset_normalizer import from_bytes  # imported lazily: only non-UTF-8 input needs it

    best = from_bytes(data).best()
    western = from_bytes(data, cp_isolation=list(WESTERN_ENCODINGS)).best()
    if western is not None and (best is None or (
            western.chaos <= best.chaos + _CHAOS_MARGIN and western.coherence >= best.coherence - _COHERENCE_MARGIN)):
        best = western
    if best is None or best.encoding is None:
        return None
    return str(best.encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 text without a byte-order mark, told by its NULs:
    text in Latin script has a NUL as the high byte of most characters, all at odd offsets (LE) or
    all at even ones (BE); None for anything else (binary data)."""
    sample = data[:_SNIFF - _SNIFF % 2] if len(data) > _SNIFF else data
    if len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    for encoding, nuls, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if others <= nuls // 50 and nuls >= pairs * 0.1:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            printable = sum(1 for char in text if char.isprintable() or char in "\t\n\r\f")
            return encoding if printable >= len(text) * 0.98 else None
    return None


def repair_mojibake(item: SourceText) -> SourceText:
    """Fix mojibake (UTF-8 read as Latin-1/cp1252) with ftfy, only where ftfy detects it."""
    if len(item.content) > MOJIBAKE_MAX_CHARS:
        return item
    from ftfy import fix_encoding
    from ftfy.badness import is_bad

    if not is_bad(item.content):
        return item
    fixed = fix_encoding(item.content)
    if fixed == item.content:
        return item
    return SourceText(item.source, item.content, item.encoding, fixed)


def read_source(
    source: str, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> SourceText:
    """Read and decode one input (a path or ``-`` for stdin); mojibake is repaired where certain."""
    return repair_mojibake(decode(read_bytes(source, max_bytes=max_bytes), source, encoding=encoding))


def iter_input_paths(inputs: Iterable[str], *, glob: str = "*.txt",
                     problems: list[tuple[str, str]] | None = None) -> Iterator[str]:
    """Expand files and folders into paths: folders walked recursively in sorted order, hidden
    entries skipped, names matched against ``glob`` case-insensitively (``*.txt`` takes ``A.TXT``),
    symlinked folders not followed (no loops). Unreadable folders and broken or looping symlinks
    are appended to ``problems`` as (path, reason) instead of stopping the walk."""
    import fnmatch
    import os

    for item in inputs:
        if not os.path.isdir(item):
            yield item
            continue

        def on_error(err: OSError) -> None:
            if problems is not None:
                problems.append((str(err.filename), f"cannot read folder ({err.strerror})"))

        for root, dirs, files in os.walk(item, onerror=on_error, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or not fnmatch.fnmatchcase(name.lower(), glob.lower()):
                    continue
                path = os.path.join(root, name)
                if os.path.islink(path) and not os.path.exists(path):
                    if problems is not None:
                        problems.append((path, "broken or looping symlink"))
                    continue
                yield path
