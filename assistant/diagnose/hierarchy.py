"""The languages' own exception hierarchies: a subclass the archive lacks falls back to its parent's entry.

Python's are read from Python itself: the built-in classes' ``__mro__`` at run time, and for the
standard library's classes (printed with their module, ``json.decoder.JSONDecodeError``) a table
made by importing the standard library once (``python -I -m assistant.diagnose.hierarchy --write``),
so that diagnosing never imports a module a paste names. JavaScript's built-in errors all extend
``Error`` directly, which says nothing about which error it is, so they have no fallback.

    ancestors("python", "json.decoder.JSONDecodeError") -> ("ValueError",)
"""

from __future__ import annotations

import builtins
import functools
import json
import sys
from pathlib import Path

TABLE = Path(__file__).with_name("python_exceptions.json")
# Every error is one of these: an entry about them explains nothing in particular.
TOO_GENERAL = frozenset({"BaseException", "Exception", "Error", "object"})


def ancestors(ecosystem: str, error_type: str | None) -> tuple[str, ...]:
    """The error type's parent classes, nearest first, as the language names them; () if unknown."""
    if ecosystem != "python" or not error_type:
        return ()
    return tuple(name for name in _python_hierarchy().get(error_type, ()) if name.split(".")[-1] not in TOO_GENERAL)


def is_a(child: str, parent: str) -> str:
    """How to say that one class is a kind of another: "JSONDecodeError is a ValueError"."""
    return f"{child.split('.')[-1]} is a {parent.split('.')[-1]}"


@functools.cache
def _python_hierarchy() -> dict[str, tuple[str, ...]]:
    table = {name: tuple(parents) for name, parents in json.loads(TABLE.read_text(encoding="utf-8")).items()}
    for name, value in vars(builtins).items():
        if isinstance(value, type) and issubclass(value, BaseException):
            table[name] = tuple(cls.__name__ for cls in value.__mro__[1:] if cls is not object)
    return table


def write_table(path: Path = TABLE) -> int:
    """Import the standard library and record every exception class it defines with its parents.

    Run in a fresh interpreter (``python -I -m assistant.diagnose.hierarchy --write``): imports have
    side effects, which is why diagnosing reads the table instead.
    """
    import contextlib
    import importlib
    import inspect
    import io
    import warnings

    noisy = {"antigravity", "this", "idlelib", "tkinter", "turtle", "turtledemo", "ensurepip", "lib2to3",
             "pydoc", "pydoc_data", "webbrowser", "site", "venv", "test", "__main__"}  # they open windows or print
    warnings.simplefilter("ignore")
    for name in sorted(sys.stdlib_module_names):
        if not name.startswith("_") and name not in noisy:
            with contextlib.suppress(BaseException), contextlib.redirect_stdout(io.StringIO()), \
                    contextlib.redirect_stderr(io.StringIO()):
                importlib.import_module(name)
    table = {}
    for module in list(sys.modules.values()):
        for cls in list(vars(module).values()) if module else ():
            if inspect.isclass(cls) and issubclass(cls, BaseException) and _in_stdlib(cls.__module__):
                table[_printed(cls)] = [_printed(parent) for parent in cls.__mro__[1:]
                                        if issubclass(parent, BaseException)]
    lines = [f"{json.dumps(name)}: {json.dumps(parents)}" for name, parents in sorted(table.items())]
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    return len(table)


def _in_stdlib(module: str) -> bool:
    top = module.split(".")[0]
    return top not in ("builtins", "__main__") and (top in sys.stdlib_module_names
                                                    or top.lstrip("_") in sys.stdlib_module_names)


def _printed(cls: type) -> str:
    """A class's name as a traceback prints it: qualified by its module unless it is built in."""
    return cls.__name__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -I -m assistant.diagnose.hierarchy --write   (re-makes python_exceptions.json)")
    print(f"wrote {write_table()} standard-library exception classes to {TABLE}")
