"""Access and secrets, against a real `khub serve`: no review data without signing in, and no API key
or password in any response, error message or log line, even when the model provider echoes the key."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest
from archives import indexed_archive
from loopback_llm import LoopbackLLM

from khub.secrets import redact

ROOT = Path(__file__).resolve().parents[1]
API_KEY = "sk-live-" + "7Hq2" * 8
PASSWORD = "mentor-pass-" + "x9" * 6
MARKER = "asked-by-tester-7f3e9c"  # only the stored question holds it: archive text never does
QUESTION = f"where should a single page app keep its access token so XSS cannot read it? ({MARKER})"


@pytest.fixture(scope="module")
def server(tmp_path_factory, models_dir, encoder):
    from bench.suite import free_port, wait_for_server

    root = tmp_path_factory.mktemp("access")
    settings = indexed_archive(root, models_dir)
    # A provider that rejects the key and, carelessly, quotes it back in full.
    with LoopbackLLM(lambda request: "", status=401, error=f"Incorrect API key provided: {API_KEY}") as provider:
        port = free_port()
        env = {**os.environ, "KHUB_INDEX_DIR": str(settings.index_dir), "KHUB_MODELS_DIR": str(models_dir),
               "KHUB_MODEL": "openai/gpt-test", "KHUB_API_BASE": provider.api_base, "OPENAI_API_KEY": API_KEY,
               "KHUB_REVIEW_USER": "mentor", "KHUB_REVIEW_PASSWORD": PASSWORD}
        log_path = root / "serve.log"
        with log_path.open("w") as log:
            process = subprocess.Popen([sys.executable, "-m", "khub", "serve", "--port", str(port)], cwd=ROOT, env=env,
                                       stdout=log, stderr=subprocess.STDOUT)
            try:
                wait_for_server(port, process)
                yield f"http://127.0.0.1:{port}", log_path, provider
            finally:
                process.terminate()
                process.wait(timeout=30)


def test_a_rejected_key_is_never_shown_nor_logged(server):
    from gradio_client import Client

    url, log_path, provider = server
    answer = Client(url + "/", verbose=False).predict(QUESTION, api_name="/ask")
    assert provider.requests, "the model was really called"
    assert answer["mode"] == "extractive" and answer["citations"]
    shown = json.dumps(answer)
    assert "Incorrect API key provided: ***" in shown  # the reason is kept, the key is not
    assert API_KEY not in shown and API_KEY[:16] not in shown
    time.sleep(0.5)
    log = log_path.read_text()
    assert API_KEY not in log and PASSWORD not in log


def test_no_event_of_the_app_gives_review_data_without_signing_in(server):
    from gradio_client import Client

    url, log_path, _ = server
    Client(url + "/", verbose=False).predict(QUESTION, api_name="/ask")  # now the review store holds an answer
    config = httpx.get(url + "/config", timeout=30).json()
    replies = []
    for fn_index, dependency in enumerate(config["dependencies"]):
        inputs = len(dependency.get("inputs", []))
        for data in ([True] * inputs, [1] * inputs, [None] * inputs):
            replies.append(_call(url, fn_index, data))
    everything = "\n".join(replies)
    assert "Sign in to review." in everything  # the review events exist, and refuse
    assert MARKER not in everything  # no stored question (nor its answer row) reaches an anonymous caller
    assert PASSWORD not in everything and PASSWORD not in log_path.read_text()


def _call(url: str, fn_index: int, data: list) -> str:
    """One event through Gradio's queue protocol, as a hand-written client would send it."""
    session = uuid.uuid4().hex
    joined = httpx.post(url + "/gradio_api/queue/join", timeout=30, json={
        "data": data, "fn_index": fn_index, "session_hash": session, "event_data": None, "trigger_id": None})
    if joined.status_code != 200:
        return joined.text
    events = []
    with httpx.stream("GET", url + f"/gradio_api/queue/data?session_hash={session}", timeout=60) as stream:
        for line in stream.iter_lines():
            events.append(line)
            if '"process_completed"' in line or '"close_stream"' in line:
                break
    return "\n".join(events)


def test_redact_masks_secret_settings_and_key_shaped_strings(monkeypatch):
    monkeypatch.setenv("KHUB_REVIEW_PASSWORD", PASSWORD)
    monkeypatch.setenv("SOME_TOKEN", "tok-123456789")
    text = f"failed with {PASSWORD}, tok-123456789, Bearer abcdefghijklmnop and ghp_{'a' * 30}, {API_KEY}"
    assert redact(text) == "failed with ***, ***, Bearer *** and ***, ***"
    assert redact("KHUB_THREADS=2 and port 7860") == "KHUB_THREADS=2 and port 7860"
