"""A trial of a neural re-ranker trained here: is it worth a `khub tune` command?

It trains a MiniLM cross-encoder, starting from the packaged sentence-transformers weights (the
scoring head starts untrained), on pairs the archive provides. Each pair is an entry's title
(query) with its first passage. Hard negatives are three of the hybrid retriever's next ten
entries for that title, with the entry left out. Titles are taken out of every passage, so the
positive cannot win by repeating the query. The loss is listwise: the right passage against its
three negatives. The trial then re-ranks the top 20 of each dev question. It prints nDCG@10 and
Recall@10 per question kind, for the cross-encoder alone and for fused + w × cross-encoder, and
the re-ranking latency.

No dev question is trained on, so every figure is held out. Measured here (2 cores, 2,000 groups,
192 word pieces, ~28 min): the cross-encoder alone gives nDCG@10 0.545 (fusion 0.848), and
fused + 0.05 × CE gives 0.839. Re-ranking 20 hits takes 0.8 s at the median. So khub ships no
re-ranker yet.

    python bench/reranker_trial.py [--groups 2000] [--max-length 192] [--out DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import khub  # noqa: E402,F401  (quiet, offline environment first)
from assistant.evaluate import load_questions, mean_scores  # noqa: E402
from assistant.search import open_searcher  # noqa: E402
from embeddings.query import query_terms  # noqa: E402
from khub.settings import Settings  # noqa: E402

QUESTIONS = ROOT.parent / "shared" / "eval" / "dev" / "questions.jsonl"
NEGATIVES = 3
RERANKED = 20
GROUPS_PER_STEP = 4


def training_groups(searcher, count: int, seed: int = 1) -> list[tuple[str, str, list[str]]]:
    """(title, its first passage, three hard negatives) for ``count`` entries with a telling title."""
    index = searcher.index
    titles = index.entry_titles(list(range(len(index.entry_ids))))
    positions = [pos for pos, title in titles.items() if len(query_terms(title)) >= 3]
    random.Random(seed).shuffle(positions)
    groups = []
    for pos in positions[:count]:
        start = index.chunk_vids(pos).start
        first = index.passages([start])[start]
        negatives = [f"{hit.passage.section}\n{hit.passage.text}"
                     for hit in searcher.search(titles[pos], top_k=10, exclude=[pos])]
        random.Random(pos).shuffle(negatives)
        if len(negatives) >= NEGATIVES:
            groups.append((titles[pos], f"{first.section}\n{first.text}", negatives[:NEGATIVES]))
    return groups


def train(groups, max_length: int, out: Path):
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from embeddings.model import model_dir

    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(model_dir())
    model = AutoModelForSequenceClassification.from_pretrained(model_dir(), num_labels=1)
    optimiser = torch.optim.AdamW(model.parameters(), lr=4e-5, weight_decay=0.01)
    steps = len(groups) // GROUPS_PER_STEP
    model.train()
    for step in range(steps):
        batch = groups[step * GROUPS_PER_STEP:(step + 1) * GROUPS_PER_STEP]
        queries = [query for query, _, negatives in batch for _ in range(1 + len(negatives))]
        passages = [passage for _, positive, negatives in batch for passage in [positive, *negatives]]
        encoded = tokenizer(queries, passages, truncation="only_second", max_length=max_length, padding=True,
                            return_tensors="pt")
        logits = model(**encoded).logits.view(len(batch), 1 + NEGATIVES)
        loss = torch.nn.functional.cross_entropy(logits, torch.zeros(len(batch), dtype=torch.long))
        loss.backward()
        optimiser.step()
        optimiser.zero_grad()
        if step % 50 == 0:
            print(f"step {step}/{steps}: loss {loss.item():.3f}", file=sys.stderr)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return tokenizer, model.eval()


def evaluate(searcher, tokenizer, model, max_length: int) -> None:
    import numpy as np
    import torch

    questions = [q for q in load_questions(QUESTIONS) if q.grades]
    runs, seconds = [], []
    for question in questions:
        hits = searcher.search(question.query, top_k=30)
        started = time.perf_counter()
        with torch.no_grad():
            passages = [f"{h.passage.section}\n{h.passage.text}" for h in hits[:RERANKED]]
            encoded = tokenizer([question.query] * RERANKED, passages,
                                truncation="only_second", max_length=max_length, padding=True, return_tensors="pt")
            scores = model(**encoded).logits.view(-1).numpy()
        seconds.append(time.perf_counter() - started)
        runs.append((question, hits, scores))
    print(f"re-ranking {RERANKED} hits: {1000 * np.median(seconds):.0f} ms median")
    designs = {"fusion": None, "cross-encoder alone": 0.0, **{f"fused + {w} x CE": w for w in (0.05, 0.1, 0.2)}}
    for name, weight in designs.items():
        def ranked(hits, scores, weight=weight):
            if weight is None:
                return [h.passage.entry_id for h in hits]
            fused = np.array([h.score for h in hits[:RERANKED]]) if weight else 0.0
            order = np.argsort(-(fused + (weight or 1.0) * scores))
            return [hits[i].passage.entry_id for i in order] + [h.passage.entry_id for h in hits[RERANKED:]]
        kinds = sorted({q.type for q in questions})
        parts = {kind: mean_scores((ranked(h, s), q.grades) for q, h, s in runs if q.type == kind) for kind in kinds}
        overall = mean_scores((ranked(h, s), q.grades) for q, h, s in runs)
        print(f"{name:<22} all {overall.ndcg_at_10:.3f} / {overall.recall_at_10:.3f}  "
              + "  ".join(f"{kind} {p.ndcg_at_10:.3f} / {p.recall_at_10:.3f}" for kind, p in parts.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--groups", type=int, default=2000)
    parser.add_argument("--max-length", type=int, default=192)
    parser.add_argument("--out", type=Path, default=Path("/tmp/khub-reranker-trial"))
    args = parser.parse_args()
    if not QUESTIONS.is_file():
        sys.exit(f"skipped: no dev questions at {QUESTIONS} (they live in ../shared)")
    searcher = open_searcher(Settings.from_env(index_dir=args.index_dir))
    groups = training_groups(searcher, args.groups)
    tokenizer, model = train(groups, args.max_length, args.out)
    evaluate(searcher, tokenizer, model, args.max_length)


if __name__ == "__main__":
    main()
