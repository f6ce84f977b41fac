"""The parts of diagnosis that hold no model: hierarchies, stated messages, one-line tool errors, fixes."""

import json
from pathlib import Path

import pytest
from trace_cases import load_cases

from assistant.diagnose.fix import find_fix
from assistant.diagnose.hierarchy import ancestors, is_a
from assistant.diagnose.parsers import parse_errors
from assistant.diagnose.paste import clean_paste
from assistant.diagnose.ranker import PARAMETERS, load_ranker
from ingest.entry import Entry
from ingest.error_messages import stated_messages
from ingest.load import load_corpus
from khub.errors import ConfigError

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CASES = load_cases()


def test_python_subclasses_fall_back_to_their_archived_parents():
    assert ancestors("python", "json.decoder.JSONDecodeError")[0] == "ValueError"
    assert ancestors("python", "ModuleNotFoundError") == ("ImportError",)
    assert ancestors("python", "ConnectionRefusedError")[:2] == ("ConnectionError", "OSError")
    assert "Exception" not in ancestors("python", "KeyError")  # too general to explain anything
    assert ancestors("python", "NoSuchClassAnywhere") == () and ancestors("javascript", "TypeError") == ()
    assert is_a("json.decoder.JSONDecodeError", "ValueError") == "JSONDecodeError is a ValueError"


def test_an_entry_states_each_engines_wording_and_the_errors_its_examples_raise():
    body = """The exception occurs when a value is called.

## Message

```plain
TypeError: "x" is not a function. (V8-based & Firefox & Safari)
TypeError: x is not a function (Firefox)
```

## Examples

```js example-bad
obj.map((n) => n * 2);
// Uncaught TypeError: obj.map is not a function
// ReferenceError: obj is not defined
```
"""
    found = stated_messages('TypeError: "x" is not a function', [], "TypeError", body)
    assert found[0] == 'TypeError: "x" is not a function'
    assert 'TypeError: "x" is not a function.' in found and "TypeError: x is not a function" in found
    assert "TypeError: obj.map is not a function" in found  # "Uncaught " is a console's prefix
    assert not any("ReferenceError" in message for message in found)  # another error, not this entry's



def test_a_message_an_entry_is_about_is_told_from_a_variant_another_page_lists():
    """The instanceof page lists Firefox's "x is not a function"; the not-a-function page is about it."""
    from assistant.diagnose.match import ErrorCatalog
    from assistant.diagnose.signature import ErrorSignature
    from ingest.error_messages import message_template

    stated = {0: ['TypeError: "x" is not a function', 'TypeError: "x" is not a function.'],
              1: ["TypeError: invalid 'instanceof' operand 'x'", "TypeError: x is not a function"]}
    messages = [(pos, message, message_template(message)) for pos, said in stated.items() for message in said]
    entries = [(pos, (), ("javascript",), (), "TypeError", False) for pos in stated]
    paste = "TypeError: users.findAll is not a function"
    matches = ErrorCatalog(messages, entries).match(
        ErrorSignature("javascript", "TypeError", paste))
    assert matches[0].similarity >= 0.9 and matches[1].similarity >= 0.9  # both state it
    assert matches[0].headline and not matches[1].headline

def hub_entry(name: str) -> Entry:
    corpus = load_corpus([CORPUS / "error" / f"{name}.md"], strict=True)
    return corpus.entries[0]


def test_the_hubs_own_root_cause_and_fix_sections_are_the_way_out():
    fix = find_fix(hub_entry("pdo-conn-scope"))
    assert fix.cause.startswith("The connection object never reaches the scope that uses it")
    assert fix.fix.startswith("Make the connection an explicit input") and "```php" in fix.fix
    assert fix.shows_a_way_out


def test_reference_pages_give_the_bad_and_the_good_example_and_the_sentence_between():
    entry = Entry(id="x/not-a-function", kind="error", title="TypeError: x is not a function", body="""
The exception occurs when a value is called but is not a function.

## What went wrong?

It attempted to call a value from a function, but the value is not actually a function.

## Examples

### A typo in the function name

```js example-bad
const x = document.getElementByID("foo");
```

The correct function name is `getElementById`:

```js example-good
const x = document.getElementById("foo");
```

## See also

- [Functions](https://developer.mozilla.org/)
""", error_message="TypeError: x is not a function")
    fix = find_fix(entry)
    assert fix.cause.startswith("It attempted to call a value")
    assert "getElementByID" in fix.broken_code and "getElementById(" in fix.fixed_code
    assert fix.fix == "The correct function name is `getElementById`:"


def test_explanations_without_headings_give_their_erroneous_and_corrected_code():
    entry = Entry(id="x/E0499", kind="error", title="E0499", body="""A variable was borrowed as mutable more than once.

Erroneous code example:

```rust
let mut i = 0;
let mut x = &mut i;
let mut a = &mut i;
x;
```

Please note that in Rust, you can either have many immutable references, or one mutable reference.

Example:

```rust
let mut i = 0;
let mut x = &mut i; // ok!
```

## Example compiler output (rustc 1.95.0)

```text
error[E0499]: cannot borrow `i` as mutable more than once at a time
```
""", error_message="error[E0499]: cannot borrow `i` as mutable more than once at a time")
    fix = find_fix(entry)
    assert fix.cause == "A variable was borrowed as mutable more than once."
    assert "&mut i;\nlet mut a" in fix.broken_code and "// ok!" in fix.fixed_code
    assert "error[E0499]" not in (fix.fixed_code + fix.broken_code)  # the compiler's output is no code to change


def test_an_entry_that_only_explains_has_a_cause_and_no_way_out():
    entry = Entry(id="x/TS2322", kind="error", title="TS2322", body="""TypeScript compiler diagnostic **TS2322**:

```text
error TS2322: Type '{0}' is not assignable to type '{1}'.
```

## Plain-English explanation

I was expecting a type matching '{1}', but instead you passed '{0}'.
""", error_message="Type '{0}' is not assignable to type '{1}'.")
    fix = find_fix(entry)
    assert fix.cause.startswith("I was expecting a type") and not fix.shows_a_way_out


@pytest.mark.parametrize(("case_id", "ecosystem", "start"), [
    ("shell-bundle-command-not-found", "shell", "bundle: command not found"),
    ("shell-set-u-unbound-variable", "shell", "KEEP_DAYS: unbound variable"),
    ("shell-sh-cron-not-found", "shell", "pm2: not found"),
])
def test_one_line_tool_errors_are_errors_of_their_tool(case_id, ecosystem, start):
    signature = parse_errors(clean_paste(CASES[case_id]["text"]).text)[0]
    assert signature.ecosystem == ecosystem and signature.message.startswith(start)


def test_the_shipped_ranker_loads_and_says_how_it_was_fitted():
    ranker = load_ranker()
    about = json.loads(PARAMETERS.read_text())
    assert 0 < ranker.threshold < 1 and "out_of_fold" in about and "fitted_on" in about


def test_a_ranker_fitted_on_other_features_is_refused_with_the_command_to_refit(tmp_path):
    stale = tmp_path / "ranker.json"
    stale.write_text(json.dumps({"features": {"code": 1.0}, "intercept": 0.0, "threshold": 0.5}))
    with pytest.raises(ConfigError, match="python bench/diagnose.py --fit"):
        load_ranker(stale)
