"""A tiny OpenAI-shaped chat-completions server on 127.0.0.1, so tests run litellm's real HTTP path."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LoopbackLLM:
    """Answers POST /v1/chat/completions with ``reply(request) -> text``, streamed word by word."""

    def __init__(self, reply: Callable[[dict], str], status: int = 200, seconds_per_word: float = 0.0,
                 error: str = "model overloaded"):
        self.reply = reply
        self.status = status
        self.seconds_per_word = seconds_per_word  # > 0: stream like a real model, a word at a time
        self.error = error  # the error message sent with a status other than 200
        self.requests: list[dict] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> LoopbackLLM:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(body)
                if outer.status != 200:
                    self.send_response(outer.status)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(json.dumps({"error": {"message": outer.error, "type": "server_error"}}).encode())
                    return
                text = outer.reply(body)
                if body.get("stream"):
                    self._stream(body, text)
                else:
                    self._respond(body, text)

            def _respond(self, body: dict, text: str) -> None:
                payload = {"id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()),
                           "model": body["model"], "choices": [{"index": 0, "finish_reason": "stop",
                           "message": {"role": "assistant", "content": text}}],
                           "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, body: dict, text: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = text.split(" ")
                for index, word in enumerate(words):
                    delta = {"content": word + (" " if index < len(words) - 1 else "")}
                    self._event(body, delta, None)
                    time.sleep(outer.seconds_per_word)
                self._event(body, {}, "stop")
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

            def _event(self, body: dict, delta: dict, finish: str | None) -> None:
                chunk = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": int(time.time()),
                         "model": body["model"], "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()

        return Handler
