"""Answer "what should I learn next?" from a learning path's order, citing the path.

    question ──(asks for a next or first step? assistant/next_intent.py)── no ──> the ordinary pipeline
        │
    the parts saying what the learner knows, each matched against every path's milestones (the
    encoder's cosine and the words they share, rarer words counting more); a path named in the
    question ("the PHP path", "React/Node") weighs in
        │ no path matched clearly ──> the ordinary pipeline
        ▼
    the milestone after the furthest one covered (the first for a beginner, none after the last),
    with the path's passage that holds it to cite
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.next_intent import Intent, read_intent
from assistant.paths import LearningPath, learning_path, path_ids
from assistant.search import Searcher
from embeddings.query import STOPWORDS, query_words
from embeddings.storage import IndexReader, Passage
from ingest.paths import Milestone

LEXICAL_WEIGHT = 0.5  # how much the shared (idf-weighted) words count beside the cosine
TITLE_WEIGHT = 0.25  # and those found in the milestone's title, which names its topic
COVERS = 0.45  # a known part covers a milestone when its match reaches this
NAMED_WEIGHT = 0.5  # how much naming a path counts toward choosing it
# Words of a learner's statement that say nothing of the topic ("I've finished ...", "now").
FILLER = frozenset("know knew finished finish completed complete done learned learnt learn mastered covered studied "
                   "study built build made make written wrote shipped deployed implemented practised practiced "
                   "understand can got been added set up comfortable familiar fluent confident just now already "
                   "also have ve m am basics basic after having since some my our we they new".split())
# Words of a path's title that do not tell paths apart.
GENERIC = frozenset("learning path developer developers for zero to mastery beginner general full web development "
                    "production".split())
ITEM_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&|plus|as\s+well\s+as|also|then)\s+|/(?=\s)", re.I)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
DONE_NUMBERS = re.compile(r"\b(?:milestones?|steps?)\s+(?:\d+\s*(?:-|to|through|\u2013)\s*)?(\d+)\b"
                          r"|\bfirst\s+(\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:milestones|steps)\b",
                          re.I)
ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]{2,5})s?\b")
FINISHED_PATH = re.compile(r"\b(?:finished|completed|done\s+with|through|worked\s+through)\s+(?:the\s+|this\s+|my\s+)?"
                           r"(?:whole\s+|entire\s+)?(?:[\w+/\-]+\s+){0,3}(?:path|roadmap|track|curriculum)\b", re.I)


@dataclass(frozen=True, kw_only=True)
class NextStep:
    """The milestone a learner should take next on one path, and the path's passage that holds it."""

    path: LearningPath
    covered: tuple[Milestone, ...]  # the milestones the learner said they cover, in order
    milestone: Milestone | None  # the next one; None when the learner has finished the path
    passage: Passage  # the path's chunk holding the next milestone (the last one when finished)
    covered_passage: Passage | None = None  # the chunk holding the furthest milestone covered, when another

    @property
    def passages(self) -> tuple[Passage, ...]:
        """What the answer cites, as [1] and [2]."""
        return (self.passage,) if self.covered_passage is None else (self.passage, self.covered_passage)

    def as_dict(self) -> dict:
        """The shape of ``next_step`` in ``khub ask --json``."""
        step = self.milestone
        return {"path_id": self.path.path_id, "path_title": self.path.title, "finished": step is None,
                "n": step.n if step else None, "title": step.title if step else None,
                "covered": [milestone.n for milestone in self.covered]}


@dataclass(frozen=True)
class _Roadmap:
    """A path ready to be matched: its milestones' words and vectors, and the words that name it."""

    path: LearningPath
    words: tuple[frozenset[str], ...]  # stemmed words of each milestone, by position
    titles: tuple[frozenset[str], ...]  # stemmed words of each milestone's title
    vectors: np.ndarray  # each milestone's title and text, encoded
    names: dict[str, float]  # stemmed naming word -> how much it points at this path alone


@dataclass(frozen=True)
class _Library:
    """Every path of one index that has milestones, ready to be matched (replaced whole, never changed)."""

    index: IndexReader | None
    roadmaps: tuple[_Roadmap, ...]
    idf: dict[str, float]  # each milestone word's inverse document frequency over all milestones


class NextStepFinder:
    """Finds the next milestone for "what next" questions over one searcher's index (paths read once per index)."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self._library = _Library(index=None, roadmaps=(), idf={})

    def find(self, question: str) -> NextStep | None:
        """The next step the question asks for, or None: not such a question, or no path matches it clearly."""
        intent = read_intent(question)
        if not intent.asks or self.searcher.encode_texts is None:
            return None
        library = self._load()
        if not library.roadmaps:
            return None
        named = [_named(roadmap.names, " ".join(intent.clauses)) for roadmap in library.roadmaps]
        if not intent.situated and max(named) <= 0:
            return None  # "which step comes next in the OAuth flow?": no learner, no path
        coverage = self._coverage(library, [part for part in intent.known if not DONE_NUMBERS.search(part)])
        # Every known part votes for the path of its best milestone; a path named in the question adds.
        scores = [NAMED_WEIGHT * name + (float(matrix.max(axis=1).sum()) if len(matrix) else 0.0)
                  for name, matrix in zip(named, coverage)]
        chosen = int(np.argmax(scores))
        roadmap, best = library.roadmaps[chosen], _best(coverage[chosen])
        if named[chosen] <= 0 and max(best.values(), default=0.0) < COVERS:
            return None  # neither a path named nor a milestone matched: the ordinary pipeline answers
        return self._step(roadmap, intent, best)

    def _step(self, roadmap: _Roadmap, intent: Intent, best: dict[int, float]) -> NextStep | None:
        steps = [step.milestone for step in roadmap.path.steps]
        covered = sorted({n for n, score in best.items() if score >= COVERS} | _numbered(intent.known, len(steps)))
        if any(FINISHED_PATH.search(clause) for clause in intent.known):
            covered = list(range(1, len(steps) + 1))
        if intent.start:
            covered = []
        elif not covered and not intent.starting_out:
            return None  # nothing the learner knows is on the path, and they did not say they are starting
        upcoming = max(covered, default=0) + 1
        milestone = steps[upcoming - 1] if upcoming <= len(steps) else None
        index, path_id = self.searcher.index, roadmap.path.path_id
        passage = _holding(index, path_id, milestone or steps[-1])
        if passage is None:
            return None
        furthest = _holding(index, path_id, steps[covered[-1] - 1]) if covered and milestone else None
        return NextStep(path=roadmap.path, covered=tuple(steps[n - 1] for n in covered), milestone=milestone,
                        passage=passage, covered_passage=furthest if furthest != passage else None)

    def _coverage(self, library: _Library, known: Sequence[str]) -> list[np.ndarray]:
        """Per path, a matrix (known part x milestone) of how well each part matches each milestone.

        A part is read in its clause: its score is the mean of its own match and its clause's, so
        "sessions" beside "a contact form with validation" means the web milestone, not session fixation."""
        items, owners = _items(known)
        if not items:
            return [np.zeros((0, len(roadmap.path.steps))) for roadmap in library.roadmaps]
        texts = list(dict.fromkeys([*known, *items]))
        scored = self._match(library, texts)
        row = {text: i for i, text in enumerate(texts)}
        return [(matrix[[row[item] for item in items]] + matrix[[row[known[owner]] for owner in owners]]) / 2
                for matrix in scored]

    def _match(self, library: _Library, texts: list[str]) -> list[np.ndarray]:
        """Per path, each text's match with each milestone: cosine plus weighted shared words."""
        assert self.searcher.encode_texts is not None
        vectors = self.searcher.encode_texts(texts)
        naming = set().union(*(roadmap.names for roadmap in library.roadmaps))  # they tell the path, not the step
        words = [(_terms(text) - naming) | _acronyms_written(text) for text in texts]
        return [vectors @ roadmap.vectors.T
                + LEXICAL_WEIGHT * _shares(words, roadmap.words, library.idf)
                + TITLE_WEIGHT * _shares(words, roadmap.titles, library.idf)
                for roadmap in library.roadmaps]

    def _load(self) -> _Library:
        """The index's paths, read again when the index was replaced (a new snapshot went live)."""
        index = self.searcher.index
        if self._library.index is index:
            return self._library
        paths = [found for path_id in path_ids(self.searcher)
                 if (found := learning_path(self.searcher, path_id, per_milestone=0)) and found.steps]
        naming = [self._naming(path) for path in paths]
        shared = Counter(word for words in naming for word in words)  # a word naming two paths counts half
        roadmaps = tuple(self._roadmap(path, {word: 1 / shared[word] for word in words})
                         for path, words in zip(paths, naming))
        every = [words for roadmap in roadmaps for words in roadmap.words]
        idf = {word: float(np.log(1 + len(every) / sum(word in words for words in every)))
               for word in set().union(*every)}
        self._library = _Library(index=index, roadmaps=roadmaps, idf=idf)  # one assignment: threads see old or new
        return self._library

    def _roadmap(self, path: LearningPath, names: dict[str, float]) -> _Roadmap:
        assert self.searcher.encode_texts is not None
        texts = [f"{step.milestone.title}. {step.milestone.text}" for step in path.steps]
        return _Roadmap(path=path, words=tuple(frozenset(_terms(text) | _acronyms_spelled(text)) for text in texts),
                        titles=tuple(frozenset(_terms(step.milestone.title)) for step in path.steps),
                        vectors=self.searcher.encode_texts(texts), names=names)

    @staticmethod
    def _naming(path: LearningPath) -> set[str]:
        """The words that name a path: its title's, generic ones left out. Its tags and languages are
        topics ("rest-api", "sql") that its milestones' own words already match."""
        return {_stem(word) for word in query_words(path.title)} - {_stem(word) for word in GENERIC}


def _items(known: Sequence[str]) -> tuple[list[str], list[int]]:
    """The things each known clause lists (split at commas and "and"), and the clause each comes from."""
    items: list[str] = []
    owners: list[int] = []
    for owner, clause in enumerate(known):
        for part in ITEM_SPLIT.split(clause):
            if part and _terms(part) and part.strip() not in items:
                items.append(part.strip())
                owners.append(owner)
    return items, owners


def _best(coverage: np.ndarray) -> dict[int, float]:
    """For each milestone (by number) that is some known part's best match, the best score it got."""
    best: dict[int, float] = {}
    for row in coverage:
        n = int(np.argmax(row)) + 1
        best[n] = max(best.get(n, 0.0), float(row[n - 1]))
    return best


def _numbered(known: Sequence[str], last: int) -> set[int]:
    """Milestones the learner names by number ("milestones 1-4", "the first three milestones")."""
    found: set[int] = set()
    for clause in known:
        for match in DONE_NUMBERS.finditer(clause):
            word = match.group(1) or match.group(2)
            upto = int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]
            found |= set(range(1, min(upto, last) + 1))
    return found


def _named(names: dict[str, float], text: str) -> float:
    """How clearly the text names a path: one of its naming words, or a longer form of it ("architect")."""
    best = 0.0
    for word in {_stem(word) for word in query_words(text)}:
        for name, weight in names.items():
            if word == name or (min(len(word), len(name)) >= 5 and (word.startswith(name) or name.startswith(word))):
                best = max(best, weight)
    return best


def _holding(index: IndexReader, path_id: str, milestone: Milestone) -> Passage | None:
    """The path's stored chunk that holds the milestone (its numbered title), else its first chunk."""
    passages = index.entry_passages(path_id)
    marker = re.compile(rf"(?m)^\s*{milestone.n}\.\s")
    return next((p for p in passages if marker.search(p.text) and milestone.title in p.text),
                passages[0] if passages else None)


def _shares(texts: list[set[str]], milestones: Sequence[frozenset[str]], idf: dict[str, float]) -> np.ndarray:
    """A matrix (text x milestone) of each text's words' share found in each milestone."""
    return np.array([[_share(words, milestone, idf) for milestone in milestones] for words in texts])


def _share(words: set[str], milestone: frozenset[str], idf: dict[str, float]) -> float:
    """The idf-weighted share of a known part's words found in a milestone."""
    total = sum(idf.get(word, 1.0) for word in words)
    return sum(idf.get(word, 1.0) for word in words & milestone) / total if total else 0.0


def _acronyms_written(text: str) -> set[str]:
    """The acronyms a learner wrote ("RAG", "ADRs"), kept upper-case so they meet only acronyms."""
    return set(ACRONYM.findall(text))


def _acronyms_spelled(text: str) -> set[str]:
    """The acronyms a milestone's words spell out, upper-case: "Retrieval-augmented generation" -> "RAG",
    "domain-driven design" -> "DDD" (each run of 3 to 5 words inside a phrase, with and without small words)."""
    found = set()
    for phrase in re.split(r"[,.;:()]", text):
        words = re.findall(r"[A-Za-z][A-Za-z0-9]*", phrase)
        for run in (words, [word for word in words if word.lower() not in STOPWORDS]):
            found |= {"".join(word[0] for word in run[start:start + size]).upper()
                      for size in range(3, 6) for start in range(len(run) - size + 1)}
    return found


def _terms(text: str) -> set[str]:
    return {_stem(word) for word in query_words(text) if word not in FILLER}


def _stem(word: str) -> str:
    """A crude stem, enough for a learner's words to meet a milestone's ("sessions", "testing", "validation").

    Written here because no stemmer is among the dependencies, and four suffix rules serve the few
    dozen milestone texts; the encoder carries the meaning."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix in ("ing", "ion", "ed", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def next_step_text(step: NextStep) -> str:
    """The answer: the next milestone, what it covers and builds, and the path, each sentence citing the path.

    Written so that each sentence is mostly the path's own words, which the citation check confirms."""
    title = f"\u201c{step.path.title}\u201d"
    if step.milestone is None:
        last = step.path.steps[-1].milestone
        return (f"{title} ends with milestone {last.n}, **{last.title}**, which you have finished [1]. "
                "Nothing follows it.")
    milestone = step.milestone
    if not step.covered:
        lead = f"Start the path {title} with milestone {milestone.n}, **{milestone.title}** [1]."
    else:
        done = step.covered[-1]
        cites = "[1][2]" if step.covered_passage is not None else "[1]"
        lead = (f"Next on the path {title}: milestone {milestone.n}, **{milestone.title}**, after milestone {done.n}, "
                f"{done.title}, which you know {cites}.")
    return "\n".join([lead, *(f"{sentence.rstrip('.')} [1]." for sentence in _sentences(milestone.text))])


def _sentences(text: str) -> list[str]:
    """A milestone's text as its sentences, each ending with its own full stop."""
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+(?=[A-Z`])", text) if part.strip()]

