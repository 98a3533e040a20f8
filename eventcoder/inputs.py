"""Reading inputs: files, directories, JSONL batches and stdin become Documents.

Each unreadable input becomes an InputFailure instead of stopping the batch.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from eventcoder.errors import EncodingError, InputError
from eventcoder.records import Document

HTML_SUFFIXES = frozenset({".html", ".htm"})
TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl"})
DIRECTORY_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"

# The charset declaration of an HTML page sits in its <head>; browsers look at the first 1024
# bytes, we allow a little more for pages with long preambles.
CHARSET_SNIFF_BYTES = 4096
# charset-normalizer's coherence (0..1) says how much the decoded text looks like a known language.
# Below this its guess is no better than chance on short Western text, so we fall back to
# windows-1252, the web's de-facto legacy encoding (WHATWG's default for undeclared pages).
MIN_DETECTOR_COHERENCE = 0.2
# Decoded text with more than this share of C0 control characters (other than tab, newlines and
# form feed) is binary data that happened to decode, not text.
MAX_CONTROL_CHAR_SHARE = 0.01
# How much of stdin's start decides whether it is markup.
MARKUP_SNIFF_CHARS = 2048

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)
# Legacy labels that browsers decode as windows-1252, a superset of them.
_CP1252_ALIASES = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"})


@dataclass(frozen=True)
class InputFailure:
    """An input that could not become a Document, with the reason a user can act on."""

    id: str
    error: str


def read_documents(
    paths: Sequence[str], *, published: str | None = None, stdin: BinaryIO | None = None
) -> Iterator[Document | InputFailure]:
    """Documents from files, directories, JSONL batches or "-" (stdin), in the order given.

    `published` (the CLI's --published) overrides every document's date, JSONL fields included.
    """
    for raw in paths:
        if raw == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, published)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in _directory_files(path):
                yield from _read_path(child, published)
        elif path.is_file():
            yield from _read_path(path, published)
        else:
            yield InputFailure(id=path.stem or raw, error=f"no such file or directory: {raw}")


def decode_bytes(data: bytes, *, source: str) -> str:
    """Text of `data`: BOM, then UTF-8, then the declared charset, then a detected one.

    Valid UTF-8 wins over a page's declaration because mislabelled UTF-8 pages are common.
    """
    if not data.strip():
        raise InputError("empty document")
    text = _decode_by_bom(data)
    if text is None:
        if b"\x00" in data:
            raise EncodingError(f"binary file (not text or HTML): {source}")
        text = _decode_utf8(data) or _decode_declared(data) or _decode_detected(data)
    if text is None or _looks_binary(text):
        raise EncodingError(f"binary file (not text or HTML): {source}")
    if not text.strip():
        raise InputError("empty document")
    return text


def _directory_files(root: Path) -> list[Path]:
    """Readable files under `root`, recursively, in a stable (sorted) order."""
    found = (p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in DIRECTORY_SUFFIXES)
    return sorted(found)


def _read_path(path: Path, published: str | None) -> Iterator[Document | InputFailure]:
    """Documents from one file: one per JSONL line, else the file itself."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            with path.open("rb") as handle:
                yield from _read_jsonl(handle, path.name, published, str(path))
        except OSError as exc:
            yield InputFailure(id=path.name, error=f"cannot read {path}: {exc.strerror}")
        return
    try:
        text = decode_bytes(path.read_bytes(), source=str(path))
    except OSError as exc:
        yield InputFailure(id=path.stem, error=f"cannot read {path}: {exc.strerror}")
        return
    except InputError as exc:
        yield InputFailure(id=path.stem, error=str(exc))
        return
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_markup(text))
    yield _document(path.stem, text, is_html, published, str(path))


def _read_stdin(stream: BinaryIO, published: str | None) -> Iterator[Document | InputFailure]:
    """Documents from stdin, sniffed as JSONL, HTML or plain text."""
    data = stream.read()
    try:
        text = decode_bytes(data, source="stdin")
    except InputError as exc:
        yield InputFailure(id="stdin", error=str(exc))
        return
    if _looks_like_jsonl(text):
        lines = (line.encode("utf-8") for line in text.splitlines(keepends=True))
        yield from _read_jsonl(lines, "stdin", published, None)
    else:
        yield _document("stdin", text, _looks_like_markup(text), published, None)


def _read_jsonl(
    lines: Iterable[bytes], name: str, published: str | None, path: str | None
) -> Iterator[Document | InputFailure]:
    """One Document per JSONL line; a bad line becomes an InputFailure and the rest go on."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        fallback_id = f"{name}:{number}"
        try:
            record = _parse_jsonl_line(raw, number)
            yield _jsonl_document(record, fallback_id, published, path)
        except InputError as exc:
            yield InputFailure(id=fallback_id, error=str(exc))


def _parse_jsonl_line(raw: bytes, number: int) -> dict[str, Any]:
    """The JSON object on one line, or an InputError naming the line and the problem.

    Lines should be UTF-8 (RFC 8259), but a line in a legacy encoding is decoded like a file.
    """
    try:
        record = json.loads(decode_bytes(raw, source=f"line {number}"))
    except EncodingError as exc:
        raise InputError(f"line {number}: binary data, not JSON") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"line {number}: invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(f"line {number}: expected a JSON object, got {type(record).__name__}")
    has_text = any(isinstance(record.get(key), str) and record[key].strip() for key in ("text", "html"))
    if not has_text:
        raise InputError(f"line {number}: needs a 'text' or 'html' field")
    return record


def _jsonl_document(
    record: dict[str, Any], fallback_id: str, published: str | None, path: str | None
) -> Document:
    """A Document from a parsed JSONL record; --published beats the record's own date."""
    record_id = record.get("id")
    html = record.get("html") if isinstance(record.get("html"), str) else None
    text = record.get("text") if isinstance(record.get("text"), str) else None
    return Document(
        id=str(record_id) if record_id not in (None, "") else fallback_id,
        text=None if html else text,
        html=html or None,
        url=_optional_str(record.get("url")),
        published=published or _optional_str(record.get("published")),
        path=path,
    )


def _document(doc_id: str, text: str, is_html: bool, published: str | None, path: str | None) -> Document:
    """A Document holding `text` as HTML or as plain text."""
    if is_html:
        return Document(id=doc_id, html=text, published=published, path=path)
    return Document(id=doc_id, text=text, published=published, path=path)


def _optional_str(value: object) -> str | None:
    """`value` as a non-empty string, or None."""
    return str(value) if value not in (None, "") else None


def _decode_by_bom(data: bytes) -> str | None:
    """Text decoded by the byte-order mark, if there is one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_utf8(data: bytes) -> str | None:
    """Text if `data` is valid UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_declared(data: bytes) -> str | None:
    """Text decoded with the charset an HTML page declares, if it decodes cleanly."""
    match = _DECLARED_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    encoding = "cp1252" if label in _CP1252_ALIASES else label
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_detected(data: bytes) -> str | None:
    """Text decoded by charset-normalizer's guess, or windows-1252 when the guess is weak."""
    best = from_bytes(data).best()
    if best is not None and best.coherence >= MIN_DETECTOR_COHERENCE:
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return str(best) if best is not None else None


def _looks_binary(text: str) -> bool:
    """Whether decoded `text` is really binary data (too many control characters)."""
    controls = len(_CONTROL_CHARS.findall(text))
    return controls > MAX_CONTROL_CHAR_SHARE * len(text)


def _looks_like_markup(text: str) -> bool:
    """Whether `text` starts like an HTML page or fragment."""
    return _MARKUP.search(text[:MARKUP_SNIFF_CHARS]) is not None


def _looks_like_jsonl(text: str) -> bool:
    """Whether every non-empty line of `text` is a JSON object."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    for line in lines:
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except json.JSONDecodeError:
            return False
    return True
