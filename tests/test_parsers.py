"""Every ecosystem's parser on real output captured from broken programs (tests/traces/cases/)."""


import pytest
from trace_cases import load_cases

from assistant.diagnose.parsers import parse_errors
from assistant.diagnose.paste import clean_paste

CASES = load_cases()


def parsed(case_id: str):
    return parse_errors(clean_paste(CASES[case_id]["text"]).text)


# case id -> (ecosystem, error type, message start, culprit "file:line" or None, code)
EXPECTED = {
    # Python: traceback in a long log, pytest, SyntaxError with carets, warnings, drivers
    "python-long-log-zero-division": ("python", "ZeroDivisionError", "ZeroDivisionError: float division by zero",
                                      "/opt/metrics/jobs/nightly_metrics.py:20", None),
    "python-pytest-float-total": ("python", "AssertionError", "AssertionError: assert 35.699999999999996 == 35.7",
                                  "tests/test_invoice.py:5", None),
    "python-syntax-unclosed-paren": ("python", "SyntaxError", "SyntaxError: '(' was never closed",
                                     "/home/dev/shop/backend/shipping/rates.py:10", None),
    "python-warning-never-awaited": ("python", "RuntimeWarning",
                                     "RuntimeWarning: coroutine 'send_sms' was never awaited",
                                     "/home/ops/pager/notify.py:14", None),
    "postgresql-psycopg-fk-violation": ("python", "psycopg.errors.ForeignKeyViolation",
                                        "psycopg.errors.ForeignKeyViolation: insert or update on table", None, None),
    # JavaScript: Node, Chromium's console, Firefox's console, a test runner's diff
    "javascript-max-call-stack": ("javascript", "RangeError", "RangeError: Maximum call stack size exceeded",
                                  "/home/dev/cms-tools/tree.js:13", None),
    "javascript-eaddrinuse": ("javascript", "Error", "Error: listen EADDRINUSE: address already in use",
                              None, "EADDRINUSE"),
    "browser-chromium-null-listener": ("javascript", "TypeError",
                                       "TypeError: Cannot read properties of null (reading 'addEventListener')",
                                       "http://127.0.0.1:8125/js/signup.js:3", None),
    "browser-firefox-react-undefined-state": ("javascript", "TypeError",
                                              'TypeError: can\'t access property "map", members is undefined',
                                              "http://127.0.0.1:8151/src/TeamList.js:10", None),
    "browser-playwright-react-undefined-state": ("javascript", "TypeError",
                                                 "TypeError: Cannot read properties of undefined (reading 'map')",
                                                 "http://127.0.0.1:8130/src/ProductList.js:15", None),
    # TypeScript, plain and --pretty with colour
    "typescript-ts2322-optional-string": ("typescript", "TS2322",
                                          "error TS2322: Type 'string | undefined' is not assignable",
                                          "src/profile.ts:8", "TS2322"),
    "typescript-ts1005-pretty-color": ("typescript", "TS1005", "error TS1005: ',' expected.",
                                       "src/config.ts:4", "TS1005"),
    # PHP: uncaught errors with stacks, glued to output, memory exhaustion
    "php-division-by-zero": ("php", "DivisionByZeroError",
                             "Fatal error: Uncaught DivisionByZeroError: Division by zero",
                             "/home/dev/mailer-stats/report.php:9", None),
    "php-wp-memory-sitemap": ("php", "Fatal error", "Fatal error: Allowed memory size of 134217728 bytes exhausted",
                              None, None),
    # Rust: compiler errors (colour, several in one build) and panics
    "rust-color-e0608-index-option": ("rust", "E0608", "error[E0608]: cannot index into a value of type `Option",
                                      "src/main.rs:10", "E0608"),
    "rust-warnings-then-e0382": ("rust", "E0382", "error[E0382]: use of moved value: `jobs`",
                                 "src/main.rs:15", "E0382"),
    "rust-panic-index-out-of-bounds": ("rust", "panic",
                                       "panicked: index out of bounds: the len is 3 but the index is 3",
                                       "src/main.rs:5", None),
    # Go: panics with goroutine traces and compiler errors
    "go-nil-map-assignment": ("go", "panic", "panic: assignment to entry in nil map",
                              "/home/dev/services/featureflags/main.go:10", None),
    "go-unused-var-import": ("go", "compile error", 'imported and not used: "os"', "./main.go:6", None),
    # Java: exceptions with causes, javac
    "java-npe-helpful-message": ("java", "java.lang.NullPointerException",
                                 'java.lang.NullPointerException: Cannot invoke "String.t',
                                 "CouponService.java:16", None),
    "java-javac-cannot-find-symbol": ("java", "javac", "error: cannot find symbol",
                                      "src/com/acme/billing/InvoiceService.java:10", None),
    # .NET (Mono): unhandled exceptions and compiler errors
    "dotnet-winforms-datagridview-null": ("dotnet", "System.NullReferenceException",
                                          "System.NullReferenceException: Object reference not set to an instance",
                                          "/home/dev/src/CustomerApp/CustomersForm.cs:45", None),
    "dotnet-cs0103-typo": ("dotnet", "CS0103", "error CS0103: The name `ordersTotal' does not exist",
                           "Program.cs:13", "CS0103"),
    # SQL servers through clients and drivers
    "mariadb-client-fk-seed-order": ("mysql", "ERROR 1452", "ERROR 1452 (23000): Cannot add or update a child row",
                                     None, "1452"),
    "postgresql-psql-fk-verbose": ("postgresql", "SQLSTATE 23503",
                                   'insert or update on table "loans" violates foreign key', None, "23503"),
    "postgresql-node-pg-fk": ("postgresql", "SQLSTATE 23503",
                              'insert or update on table "readings" violates foreign key', None, "23503"),
}


@pytest.mark.parametrize("case_id", sorted(EXPECTED))
def test_primary_error_of_real_output(case_id):
    ecosystem, error_type, message, culprit, code = EXPECTED[case_id]
    signature = parsed(case_id)[0]
    assert (signature.ecosystem, signature.error_type) == (ecosystem, error_type)
    assert signature.message.startswith(message)
    if culprit is not None:
        assert f"{signature.culprit.file}:{signature.culprit.line}" == culprit
    assert signature.code == code


def test_python_chain_root_cause_and_users_frame():
    signature = parsed("python-chained-config-keyerror")[0]
    assert signature.error_type == "notifier.config.ConfigError"
    assert signature.root_cause.message == "KeyError: 'host'"
    assert signature.culprit.file.endswith("notifier/config.py") and signature.culprit.in_app
    assert not any(frame.in_app for frame in signature.frames if frame.file.startswith("<frozen"))


def test_python_exception_group_yields_each_sub_exception():
    messages = [s.message for s in parsed("python-taskgroup-connection-refused")]
    assert messages[0].startswith("ExceptionGroup: unhandled errors in a TaskGroup")
    assert sum(m.startswith("ConnectionRefusedError: [Errno 111]") for m in messages) == 2


def test_java_caused_by_becomes_the_root_cause():
    signature = parsed("java-caused-by-chain")[0]
    assert signature.error_type == "java.lang.IllegalStateException"
    assert signature.root_cause is not signature and signature.root_cause.error_type.endswith("Exception")


def test_php_warning_before_a_fatal_error_is_kept_second():
    errors = parsed("php-pdo-global-in-function")
    assert errors[0].message.startswith("Fatal error: Uncaught Error: Call to a member function")
    assert any(error.message.startswith("Warning: Undefined variable $") for error in errors[1:])


def test_rust_build_with_several_errors_lists_them_all():
    codes = [s.code for s in parsed("rust-multi-error-build")]
    assert codes[0] == "E0425" and len(codes) == 3


def test_a_tools_advice_after_its_error_line_is_kept_as_notes():
    branch = next(s for s in parsed("git-branch-not-fully-merged") if s.ecosystem == "git")
    assert branch.message.startswith("error: The branch 'experiment' is not fully merged")
    assert branch.notes == ("If you are sure you want to delete it, run 'git branch -D experiment'.",)
    pull = next(s for s in parsed("git-pull-with-unmerged-files")
                if s.ecosystem == "git" and s.message.startswith("error: Pulling"))
    assert pull.notes[0].startswith("Fix them up in the work tree")  # "hint: " taken off; the fatal line is not advice
    assert not any(note.startswith("fatal:") for note in pull.notes)


def test_a_driver_error_inside_a_traceback_is_seen_by_both_parsers():
    errors = parsed("mariadb-pymysql-fk-order-items")
    assert {error.ecosystem for error in errors} == {"python", "mysql"}
    assert any(error.code == "1452" for error in errors)


def test_frames_are_outermost_first_and_library_frames_are_not_the_culprit():
    signature = parsed("javascript-max-call-stack")[0]
    assert signature.frames[-1].function == "Map.get" and not signature.frames[-1].in_app  # innermost: a builtin
    assert signature.culprit == [frame for frame in signature.frames if frame.in_app][-1]
    assert signature.culprit.file == "/home/dev/cms-tools/tree.js"
    node_internal = [frame for frame in signature.frames if (frame.file or "").startswith("node:")]
    assert all(not frame.in_app for frame in node_internal)
    assert len(signature.frames) < 15  # the recursion is collapsed


# Captured on purpose as output that is no error at all (the product must say it found none).
NOT_ERRORS = {"git-detached-head-checkout": "git's advice after checking out a tag, on stderr, exit 0"}


@pytest.mark.parametrize("case_id", sorted(set(CASES) - set(NOT_ERRORS)))
def test_every_captured_case_yields_an_error(case_id):
    assert parsed(case_id), f"no error found in {case_id}"


@pytest.mark.parametrize("case_id", sorted(NOT_ERRORS))
def test_advice_that_is_no_error_yields_none(case_id):
    assert parsed(case_id) == []
