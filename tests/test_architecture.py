"""The shape of the code, checked by tools: layers without cycles, lint, and who reads the environment.

The layers are ``khub`` (settings, errors) < ``ingest`` < ``embeddings`` < ``assistant`` < ``ui``; each
package imports only those below it (the contract is in pyproject.toml, under [tool.importlinter]).
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("khub", "ingest", "embeddings", "assistant", "ui")
BASE = "khub"  # the base package: settings, the secrets redactor, the libraries' quiet switches


def product_modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield package, path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def test_the_packages_keep_their_layers_and_no_module_cycles():
    pytest.importorskip("importlinter", reason="the test tools are not installed: scripts/setup --dev")
    command = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    run = subprocess.run([sys.executable, "-c", command], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


def test_ruff_finds_nothing():
    pytest.importorskip("ruff", reason="the test tools are not installed: scripts/setup --dev")
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


def test_mypy_finds_nothing():
    # The packages and options are in pyproject.toml, under [tool.mypy]. A cold run takes about 1.5 min
    # here; later runs reuse .mypy_cache and take seconds.
    pytest.importorskip("mypy", reason="the test tools are not installed: scripts/setup --dev")
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


def environment_uses(tree: ast.AST) -> list[int]:
    """Lines that read or set the process environment: os.environ, os.getenv/putenv/unsetenv, or
    those names imported from os."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os" \
                and node.attr in ("environ", "environb", "getenv", "putenv", "unsetenv"):
            found.append(node.lineno)
        if isinstance(node, ast.ImportFrom) and node.module == "os" \
                and any(alias.name in ("environ", "getenv", "putenv", "unsetenv") for alias in node.names):
            found.append(node.lineno)
    return found


def test_only_the_base_package_reads_or_sets_the_environment():
    outside = [f"{path.relative_to(ROOT)}:{line}" for package, path, tree in product_modules() if package != BASE
               for line in environment_uses(tree)]
    assert outside == [], "read settings through khub/settings.py instead: " + ", ".join(outside)


def test_the_environment_check_sees_each_way_of_reaching_it():
    source = "import os\nfrom os import getenv\nos.environ['A'] = '1'\nx = os.getenv('B')\n"
    assert environment_uses(ast.parse(source)) == [2, 3, 4]


def test_no_module_imports_another_packages_private_names():
    crossings = []
    for package, path, tree in product_modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                other = node.module.split(".")[0]
                private = [alias.name for alias in node.names if alias.name.startswith("_")
                           and not alias.name.startswith("__")]
                if other in PACKAGES and other != package and private:
                    crossings.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.module}.{private[0]}")
    assert crossings == [], "make the name public in its package, or move it: " + ", ".join(crossings)


def test_the_settings_read_a_variable_once_and_state_each_default_once():
    from khub import settings

    assert settings.max_entry_bytes({}) == settings.MAX_ENTRY_BYTES
    assert settings.max_entry_bytes({"KHUB_MAX_ENTRY_BYTES": "5000000"}) == 5_000_000
    assert settings.review_login({}) is None
    assert settings.review_login({"KHUB_REVIEW_USER": "ana", "KHUB_REVIEW_PASSWORD": "pw"}) == ("ana", "pw")
    from assistant.llm import ModelConfig

    config = ModelConfig.from_settings(settings.Settings.from_env({}, index_dir=ROOT / "index"))
    assert config.timeout == settings.DEFAULT_LLM_TIMEOUT == ModelConfig(model="x").timeout


# The local store's own modules: FAISS files, SQLite tables, snapshot folders. Above embeddings/,
# code sees only the storage seam (embeddings/storage.py) and opens it with embeddings.snapshots.
STORE_INTERNALS = ("embeddings.index", "embeddings.vectors", "embeddings.database", "embeddings.store",
                   "embeddings.build", "faiss", "sqlite3")
# The mentors' review store (and the suggestions table in its file) is its own SQLite file, not the index.
OWN_DATABASES = {"ui/reviews.py", "ui/suggestions.py", "ui/accounts.py", "ui/progress_store.py", "ui/database.py",
                 "ui/migrations/__init__.py"}


def test_nothing_above_embeddings_touches_the_index_files_or_tables():
    reaching = []
    for package, path, tree in product_modules():
        if package not in ("assistant", "ui") or str(path.relative_to(ROOT)) in OWN_DATABASES:
            continue
        for node in ast.walk(tree):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            reaching += [f"{path.relative_to(ROOT)}:{node.lineno} {name}" for name in names
                         if name.startswith(STORE_INTERNALS)]
    assert reaching == [], "go through embeddings.storage / embeddings.snapshots instead: " + ", ".join(reaching)


def test_the_local_store_is_a_store_and_its_snapshot_an_index_reader(tmp_path):
    from embeddings.index import Index
    from embeddings.snapshots import LocalStore, open_store
    from embeddings.storage import IndexReader, Store

    assert isinstance(open_store(tmp_path / "index"), LocalStore) and not open_store(tmp_path / "index").exists()
    data = {"manifest", "entry_ids", "chunk_entry"}  # set per snapshot, in __init__
    for protocol, implementation in ((Store, LocalStore), (IndexReader, Index)):
        wanted = {name for name in vars(protocol) if not name.startswith("_")} - data
        assert wanted and wanted <= set(dir(implementation)), wanted - set(dir(implementation))


MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def test_modules_and_functions_stay_small():
    too_long = []
    for _, path, tree in product_modules():
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(ROOT)}: {lines} lines")
        too_long += [f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {node.end_lineno - node.lineno + 1} lines"
                     for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                     and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert too_long == [], "split these: " + ", ".join(too_long)
