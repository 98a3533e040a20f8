"""Reading inputs: each bad file or JSONL line is one clear failure and the batch goes on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from eventcoder.errors import EncodingError, InputError
from eventcoder.inputs import InputFailure, decode_bytes, read_documents
from eventcoder.records import Document


def test_empty_file_is_a_failure_and_the_batch_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text("Gunmen attacked a checkpoint.", encoding="utf-8")
    assert list(read_documents([str(empty), str(good)])) == [
        InputFailure(id="empty", error="empty document"),
        Document(id="good", text="Gunmen attacked a checkpoint.", path=str(good)),
    ]


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    blank = tmp_path / "blank.html"
    blank.write_bytes(b"  \n\t\n")
    assert list(read_documents([str(blank)])) == [InputFailure(id="blank", error="empty document")]


def test_binary_file_is_a_failure(tmp_path: Path) -> None:
    image = tmp_path / "photo.html"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert list(read_documents([str(image)])) == [
        InputFailure(id="photo", error=f"binary file (not text or HTML): {image}")
    ]


def test_control_characters_without_nul_are_binary() -> None:
    with pytest.raises(EncodingError, match=r"^binary file \(not text or HTML\): blob$"):
        decode_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 50, source="blob")


def test_latin1_bytes_in_a_text_file_are_decoded(tmp_path: Path) -> None:
    legacy = tmp_path / "cafe.txt"
    legacy.write_bytes("The café near the market was hit.".encode("latin-1"))
    [doc] = read_documents([str(legacy)])
    assert doc == Document(id="cafe", text="The café near the market was hit.", path=str(legacy))


def test_declared_charset_is_used_when_bytes_are_not_utf8() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Взрыв в Киеве</p></body></html>'
    assert decode_bytes(page.encode("cp1251"), source="page") == page


def test_utf16_with_bom_is_decoded() -> None:
    assert decode_bytes("Protesters marched.".encode("utf-16"), source="x") == "Protesters marched."


def test_utf8_bom_is_dropped() -> None:
    assert decode_bytes(b"\xef\xbb\xbfPolice fired tear gas.", source="x") == "Police fired tear gas."


def test_empty_bytes_raise_input_error() -> None:
    with pytest.raises(InputError, match="^empty document$"):
        decode_bytes(b"", source="x")


def test_malformed_jsonl_lines_fail_one_by_one(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        '{"id": "a1", "text": "Rebels shelled the town.", "url": "https://example.com/a1"}\n'
        "{not json}\n"
        '{"id": "a3", "url": "https://example.com/a3"}\n'
        "\n"
        "[1, 2]\n"
        '{"html": "<p>Troops withdrew.</p>", "published": "2024-03-02"}\n',
        encoding="utf-8",
    )
    assert list(read_documents([str(batch)])) == [
        Document(id="a1", text="Rebels shelled the town.", url="https://example.com/a1", path=str(batch)),
        InputFailure(
            id="batch.jsonl:2",
            error="line 2: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        ),
        InputFailure(id="batch.jsonl:3", error="line 3: needs a 'text' or 'html' field"),
        InputFailure(id="batch.jsonl:5", error="line 5: expected a JSON object, got list"),
        Document(id="batch.jsonl:6", html="<p>Troops withdrew.</p>", published="2024-03-02", path=str(batch)),
    ]


def test_published_flag_overrides_jsonl_dates(tmp_path: Path) -> None:
    batch = tmp_path / "dated.jsonl"
    batch.write_text('{"id": "x", "text": "A strike hit.", "published": "2023-01-01"}\n', encoding="utf-8")
    [doc] = read_documents([str(batch)], published="2024-05-05")
    assert isinstance(doc, Document) and doc.published == "2024-05-05"


def test_legacy_encoded_jsonl_line_is_decoded_and_binary_line_fails(tmp_path: Path) -> None:
    batch = tmp_path / "mixed.jsonl"
    batch.write_bytes(b'{"id": "ok", "text": "The caf\xe9 was shelled."}\n{"id": "bin", "text": "\x00\x01"}\n')
    assert list(read_documents([str(batch)])) == [
        Document(id="ok", text="The café was shelled.", path=str(batch)),
        InputFailure(id="mixed.jsonl:2", error="line 2: binary data, not JSON"),
    ]


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "page.html").write_text("<html><body><p>Two.</p></body></html>", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "three", "text": "Three."}\n', encoding="utf-8")
    docs = list(read_documents([str(tmp_path)]))
    assert [(d.id, d.text, d.html) for d in docs if isinstance(d, Document)] == [
        ("a", "One.", None),
        ("page", None, "<html><body><p>Two.</p></body></html>"),
        ("three", "Three.", None),
    ]


def test_missing_path_is_a_failure() -> None:
    assert list(read_documents(["/nonexistent/story.html"])) == [
        InputFailure(id="story", error="no such file or directory: /nonexistent/story.html")
    ]


def test_stdin_jsonl_is_sniffed() -> None:
    stream = io.BytesIO(b'{"id": "s1", "text": "Clashes erupted."}\n{"id": "s2", "html": "<p>Curfew.</p>"}\n')
    assert list(read_documents(["-"], stdin=stream)) == [
        Document(id="s1", text="Clashes erupted."),
        Document(id="s2", html="<p>Curfew.</p>"),
    ]


def test_stdin_html_and_text_are_sniffed() -> None:
    html = b"<!DOCTYPE html><html><body><p>A bomb exploded.</p></body></html>"
    assert list(read_documents(["-"], stdin=io.BytesIO(html))) == [Document(id="stdin", html=html.decode())]
    text = b"A bomb exploded in Kabul.\n\nNobody claimed it."
    assert list(read_documents(["-"], stdin=io.BytesIO(text), published="2024-01-02")) == [
        Document(id="stdin", text=text.decode(), published="2024-01-02")
    ]


def test_empty_stdin_is_a_failure() -> None:
    assert list(read_documents(["-"], stdin=io.BytesIO(b""))) == [InputFailure(id="stdin", error="empty document")]
