"""A paste is data: decoding, refusals, truncation, ANSI, CRLF and log prefixes."""

import pytest

from assistant.diagnose.paste import HEAD_CHARS, PasteError, clean_paste, strip_log_prefix


@pytest.mark.parametrize("raw", ["", "   \n\t  ", b"", b"\n\n"])
def test_empty_input_is_refused_with_a_hint(raw):
    with pytest.raises(PasteError, match="the paste is empty; paste the output of the failing command"):
        clean_paste(raw)


@pytest.mark.parametrize("raw", [b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, bytes(range(256)) * 20])
def test_binary_input_is_refused(raw):
    with pytest.raises(PasteError, match="looks like binary data"):
        clean_paste(raw)


def test_invalid_utf8_is_replaced_not_fatal():
    paste = clean_paste(b"TypeError: caf\xe9 is not a function\n")
    assert paste.text == "TypeError: caf\ufffd is not a function\n"


def test_ansi_colours_and_crlf_are_removed():
    paste = clean_paste("\x1b[1m\x1b[31merror[E0382]\x1b[0m: borrow of moved value\r\n  --> src/main.rs:4:5\r\n")
    assert paste.text == "error[E0382]: borrow of moved value\n  --> src/main.rs:4:5\n"


def test_a_huge_paste_keeps_head_and_tail_and_says_so():
    log = "".join(f"INFO request {n} served in 3 ms\n" for n in range(60_000))
    raw = log + "Traceback (most recent call last):\nZeroDivisionError: division by zero\n"
    paste = clean_paste(raw, max_chars=50_000)
    assert paste.text.endswith("ZeroDivisionError: division by zero\n")
    assert paste.text.startswith("INFO request 0 served")
    assert "characters left out" in paste.text and len(paste.text) < 51_000
    assert paste.notices and f"kept the first {HEAD_CHARS:,}" in paste.notices[0]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("2026-11-27 10:11:12,345 ERROR [django.request] Internal Server Error: /cart/",
         "Internal Server Error: /cart/"),
        ("[2026-11-27T10:11:12.345Z] ERROR: TypeError: x is not a function", "TypeError: x is not a function"),
        ("2026-11-27 10:11:12 ERROR app.views: KeyError: 'sku'", "KeyError: 'sku'"),
        ("Nov 27 10:11:12 web01 gunicorn[812]: ValueError: bad value", "ValueError: bad value"),
        ("ERROR:django.request:Internal Server Error", "Internal Server Error"),
        ("web-1  | Traceback (most recent call last):", "Traceback (most recent call last):"),
        ("  File \"app.py\", line 3, in <module>", "  File \"app.py\", line 3, in <module>"),
        ("error[E0308]: mismatched types", "error[E0308]: mismatched types"),
    ],
)
def test_log_prefixes_are_stripped_and_plain_lines_kept(line, expected):
    assert strip_log_prefix(line) == expected
