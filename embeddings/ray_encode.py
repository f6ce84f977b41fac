"""The embedding stage on Ray Data (``khub ingest --ray [ADDRESS]``): the same vectors, on more cores.

Texts flow through ``ray.data.from_items`` -> ``map_batches`` to a pool of ``EncoderActor``s, one per
CPU, each loading the encoder once, single-threaded. Every text carries its position, so the build puts
each vector back beside its text and caches it (embeddings/build.py); only texts the vector cache lacks
are sent. The ONNX encoders embed one text per run, so a vector depends on its text alone, never on
its batch: Ray's vectors are the local path's, bit for bit.

Offline, like the rest of khub: ``"local"`` starts a private Ray on this machine (no dashboard, no
usage report: khub/__init__.py turns it off), an address joins a running cluster; nothing is
downloaded. Each node of a cluster needs khub installed (``pip install 'khub[scale]'``) and the same
models folder, or builds the ONNX file there from the packaged weights on first use.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import socket
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from embeddings.encoder import load_encoder
from embeddings.onnx_build import ensure_onnx_model
from embeddings.storage import EncodeGroups, Progress
from khub.errors import ConfigError

LOCAL = "local"  # ``--ray`` alone: start Ray on this machine
BATCH = 64  # texts per actor call: small enough that progress moves and the actors finish together
START_HINT = "start one there with `ray start --head`, or use --ray alone for a Ray on this machine"
PIP_HINT = ".venv/bin/pip install -e '.[scale]'  (or: pip install 'ray[data]==2.60.0')"


def ray_encoder(address: str, backend: str, models_dir: Path, threads: int | None = None) -> EncodeGroups:
    """Encode on Ray at ``address`` ("local", or a cluster's ``host:6379`` / ``ray://host:10001``).

    Ray itself starts (or is joined) only once there is something to encode. ``threads`` caps the
    CPUs of a local Ray (default: all of this machine's)."""
    if importlib.util.find_spec("ray") is None:
        raise ConfigError(f"--ray (KHUB_RAY={address!r}) needs Ray, which is not installed; install it with: "
                          f"{PIP_HINT}, or ingest without --ray")

    def encode(texts: Sequence[str], progress: Progress | None) -> Iterator[tuple[list[int], np.ndarray]]:
        if backend != "torch":  # built once here, not raced for by every actor
            ensure_onnx_model(backend, models_dir)
        actors = connect(address, threads)
        yield from encode_on_ray(texts, backend, models_dir, actors, progress)

    return encode


def connect(address: str, threads: int | None = None) -> int:
    """Start or join Ray unless this process already has (offline either way); return how many encoder
    actors to run: one per CPU of the cluster."""
    ray = _import_ray()
    if not ray.is_initialized():
        try:
            if address == LOCAL:
                ray.init(address="local", num_cpus=threads or os.cpu_count() or 1, include_dashboard=False,
                         log_to_driver=False, logging_level=logging.ERROR)
            else:
                _check_reachable(address)
                ray.init(address=address, log_to_driver=False, logging_level=logging.ERROR)
        except (ConnectionError, ValueError, RuntimeError) as error:
            raise ConfigError(f"could not join the Ray cluster at {address!r}: {error}; {START_HINT}") from error
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # khub's own bar reports, through Progress
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def encode_on_ray(texts: Sequence[str], backend: str, models_dir: Path, actors: int,
                  progress: Progress | None = None) -> Iterator[tuple[list[int], np.ndarray]]:
    """Yield (positions in ``texts``, their vectors) batch by batch, as the actor pool finishes them."""
    ray = _import_ray()
    rows = ray.data.from_items([{"position": position, "text": text} for position, text in enumerate(texts)])
    pool = ray.data.ActorPoolStrategy(size=actors)  # a fixed pool: each actor loads the encoder once
    # No actor restarts: a lost actor fails the ingest, and running it again sends only what the vector
    # cache still lacks. Restartable actors make Ray log an error line per actor (ray-project/ray#53727),
    # and Ray 2.60 has no named parameter for this yet, so the extra remote argument's warning is hushed.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        vectors = rows.map_batches(EncoderActor, batch_size=BATCH, compute=pool, num_cpus=1, batch_format="numpy",
                                   fn_constructor_args=(backend, str(models_dir)), max_restarts=0)
    done = 0
    if progress:
        progress(0, len(texts))
    for batch in vectors.iter_batches(batch_size=None, batch_format="numpy"):
        done += len(batch["position"])
        yield batch["position"].tolist(), np.asarray(batch["vector"], dtype=np.float32)
        if progress:
            progress(done, len(texts))


def _check_reachable(address: str) -> None:
    """Fail in seconds on a wrong address: Ray itself retries a cluster that is not there for minutes."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return  # another form Ray understands ("auto"): Ray judges it
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError as error:
        raise ConfigError(f"no Ray cluster answers at {address!r} ({error}); {START_HINT}") from None


class EncoderActor:
    """One Ray actor: loads the encoder once, then embeds the batches it is given."""

    def __init__(self, backend: str, models_dir: str):
        self.encoder = load_encoder(backend, Path(models_dir), threads=1)  # one core per actor

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        return {"position": batch["position"], "vector": self.encoder.encode(list(batch["text"]))}


def _import_ray():
    try:
        import ray
        import ray.data
    except ImportError as error:
        raise ConfigError(f"--ray needs Ray Data, which did not import ({error}); install it with: {PIP_HINT}") \
            from error
    for name in ("ray", "ray.data"):  # Ray's notices (token set-up, execution plans) are not khub's output
        logging.getLogger(name).setLevel(logging.ERROR)
    return ray
