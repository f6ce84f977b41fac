"""Property-based tests: no input, however strange, makes a parser crash."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.diagnose.parsers import PARSERS, generic, parse_errors
from assistant.diagnose.paste import PasteError, clean_paste
from ingest.error_messages import codes_in, message_template

# Fragments of real output, so generated texts reach deep into every parser, not only its first regex.
FRAGMENTS = [
    "Traceback (most recent call last):", '  File "/app/x.py", line 3, in <module>', "    x = 1/0", "    ^^^",
    "ZeroDivisionError: division by zero", "During handling of the above exception, another exception occurred:",
    "/home/a/b.js:2", "  console.log(total);", "        ^", "ReferenceError: total is not defined",
    "    at f (/home/a/b.js:2:9)", "    at node:internal/main/run_main_module:28:49", "Node.js v20.20.2",
    "Uncaught TypeError: data is undefined", "f@http://localhost/app.js:1:2",
    "error[E0382]: borrow of moved value: `v`", "  --> src/main.rs:4:5", "4 |     let w = v;", "  = help: clone",
    "thread 'main' panicked at src/main.rs:5:13:", "index out of bounds: the len is 3 but the index is 5",
    "PHP Fatal error:  Uncaught Error: Call to undefined function f() in /var/www/a.php:3", "Stack trace:",
    "#0 /var/www/a.php(9): g()", "#1 {main}", "  thrown in /var/www/a.php on line 3",
    "Warning: Undefined variable $conn in /var/www/a.php on line 7",
    'Exception in thread "main" java.lang.IllegalStateException: boom', "\tat com.a.B.c(B.java:3)",
    "Caused by: java.io.IOException: disk", "\t... 3 more", "Main.java:5: error: cannot find symbol",
    "Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.",
    "   at Program.Main(String[] args) in /app/Program.cs:line 9", " ---> System.Exception: inner",
    "Program.cs(9,13): error CS0103: The name 'x' does not exist in the current context",
    "panic: runtime error: index out of range [5] with length 3", "goroutine 1 [running]:", "main.main()",
    "\t/app/main.go:8 +0x1d", "./main.go:8:2: undefined: foo",
    "ERROR 1452 (23000) at line 6: Cannot add or update a child row",
    "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry",
    'ERROR:  duplicate key value violates unique constraint "users_pkey"', "DETAIL:  Key (id)=(1) already exists.",
    "src/a.ts(3,5): error TS2322: Type 'string' is not assignable to type 'number'.",
    "src/a.ts:3:5 - error TS2322: Type 'string' is not assignable to type 'number'.", "", "   ", "\t", "^^^^^",
]
texts = st.one_of(
    st.text(max_size=2000),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=80)), max_size=40).map("\n".join),
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", sorted(PARSERS) + ["generic"])
@FUZZ
@given(text=texts)
def test_no_parser_crashes_on_any_text(name, text):
    parse = generic.parse if name == "generic" else PARSERS[name]
    for signature in parse(text):
        assert isinstance(signature.message, str) and signature.ecosystem
        signature.as_dict()  # the JSON form works for anything a parser returns


@FUZZ
@given(raw=st.one_of(st.binary(max_size=3000), texts))
def test_cleaning_and_parsing_any_paste_raises_only_paste_error(raw):
    try:
        paste = clean_paste(raw)
    except PasteError as error:
        assert str(error)
        return
    for signature in parse_errors(paste.text):
        assert signature.template == message_template(signature.message)


@FUZZ
@given(text=st.text(max_size=500))
def test_templates_and_codes_never_crash(text):
    assert isinstance(message_template(text), str)
    assert isinstance(codes_in(text), set)


@pytest.mark.parametrize(
    "text",
    ["x" * 1_000_000, "a." * 200_000, "a_" * 200_000, "'" * 300_000, "/a" * 200_000, "Error: " * 100_000,
     "SQLSTATE[23000]: " + "x" * 500_000, "    at " * 100_000, "Traceback (most recent call last):\n" * 20_000],
    ids=["one-long-line", "dots", "underscores", "quotes", "slashes", "error-words", "sqlstate", "at-words", "headers"],
)
def test_pathological_pastes_are_handled(text):
    """Inputs that make naive regular expressions backtrack for minutes (each took 40+ s before bounds)."""
    paste = clean_paste(text)
    assert isinstance(parse_errors(paste.text), list)
