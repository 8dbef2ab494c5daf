"""Text in other encodings is read when the encoding is certain, and staging records which one it was."""

from __future__ import annotations

import codecs

import pytest

from newsfacts.records import Known
from newsfacts.stage.decode import decode_with_encoding
from newsfacts.stage.files import stage_files
from tests.parse.helpers import parse_bytes
from tests.parse.helpers import parse_bytes

pytestmark = pytest.mark.unit

STORY = ("Officials said the bridge’s repairs would cost £4m – more than the council had set aside. The leader of the "
         "council called the overrun “unacceptable” and promised an inquiry into how the estimate was made. "
         "Residents’ groups welcomed the inquiry but said the bridge should reopen before the winter. "
         "Engineers expect the work to take another six months, weather permitting.")


def test_a_windows_export_with_curly_quotes_is_read_as_cp1252():
    out = parse_bytes(STORY.encode("cp1252"))
    assert out.document is not None
    assert "“unacceptable”" in out.document.body and "£4m – more" in out.document.body


def test_the_encoding_is_named_for_utf8_bom_cp1252_and_cyrillic_text():
    assert decode_with_encoding(STORY.encode("utf-8"))[1] == "utf-8"
    assert decode_with_encoding(codecs.BOM_UTF8 + STORY.encode("utf-8"))[1] == "utf-8-sig"
    assert decode_with_encoding(STORY.encode("cp1252"))[1] == "cp1252"
    russian = "Правительство объявило о новых мерах поддержки малого бизнеса в регионах страны."
    assert decode_with_encoding(russian.encode("cp1251")) == (russian, "cp1251")


def test_staging_records_the_encoding_of_each_file(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "windows.txt").write_bytes(STORY.encode("cp1252"))
    (inbox / "plain.txt").write_bytes(STORY.encode("utf-8"))
    (inbox / "junk.txt").write_bytes(b"abc \x81\x8d\x8f\x90\x9d\xfe\xff" * 20)
    result = stage_files(inbox, tmp_path / "raw", "run1", Known(), max_bytes=1_000_000)
    by_path = {row.path: row for row in result.rows}
    assert (by_path["windows.txt"].status, by_path["windows.txt"].encoding) == ("staged", "cp1252")
    assert by_path["plain.txt"].encoding == "utf-8"
    assert by_path["junk.txt"].status == "rejected" and by_path["junk.txt"].encoding is None
