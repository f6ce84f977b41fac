"""khub works with no network at all: ingest and search inside a network namespace with no interfaces up."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def no_network_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not no_network_available(), reason="needs `unshare -rn` (util-linux, user namespaces)")
def test_ingest_and_search_without_any_network(archive, settings):
    env = {"KHUB_INDEX_DIR": str(settings.index_dir), "KHUB_MODELS_DIR": str(settings.model_cache_dir),
           "PATH": "/usr/bin:/bin", "HOME": str(settings.index_dir.parent)}

    def khub(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["unshare", "-rn", sys.executable, "-m", "khub", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)

    ingest = khub("ingest", str(archive), "--json")
    assert ingest.returncode == 0, ingest.stderr
    search = khub("search", "ERROR 1452 foreign key", "--json", "--top-k", "1")
    assert search.returncode == 0, search.stderr
    assert json.loads(search.stdout)["hits"][0]["entry_id"] == "error/fk-violation"


@pytest.mark.skipif(not no_network_available(), reason="needs `unshare -rn` (util-linux, user namespaces)")
def test_importing_litellm_through_khub_fetches_nothing():
    code = "import khub, litellm; print(len(litellm.model_cost) > 0)"
    done = subprocess.run(["unshare", "-rn", sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={"PATH": "/usr/bin:/bin", "HOME": "/tmp"})
    assert done.returncode == 0 and done.stdout.strip() == "True"  # the bundled price list, read locally
    assert "cost map" not in done.stderr.lower() and "urlopen" not in done.stderr.lower()
