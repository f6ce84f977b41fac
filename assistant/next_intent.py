"""Whether a question asks what to learn next, and which of its parts say what the learner knows.

A "what next" question has two parts, read from its grammar rather than its topic:

- the ask: a question form about the learner's next or first step ("what should I learn next",
  "what comes after that", "where do I go from here", "where do I start", "next step for me?");
- the learner's situation: what they know or finished ("I know PDO", "Finished the React basics"),
  that they are starting out ("complete beginner", "never programmed"), or a learning word (path,
  roadmap, study).

The ask must be there, and the situation or a path named by its title (assistant/next_step.py
checks that): "what is the next() function", "fetch the next page of results", "where do I start
debugging this leak?" and "my session is lost, what now?" are ordinary questions. Which path and
milestone the known parts match is decided by assistant/next_step.py.

The forms are a few regular expressions rather than a parser: no NLP library is among the
dependencies, and the question forms are few and fixed while their topics vary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NEXT_NOUN = r"(?:step|milestone|topic|stage|thing|level|module|skill|lesson|chapter|move)s?"
# "next" as where the learner goes, at the end of the ask or before "for me / on the path / to become ...";
# never a call ("next()") or a thing that has a next one ("the next page of results").
_NEXT = (rf"\bnext(?:\s+{_NEXT_NOUN})?(?!\s*\()"
         r"(?=\s*(?:[?.!;,]|$|(?:for|on|in|toward|towards|to\s+become|to\s+learn|to\s+study|as|along|after)\b))")
# "What comes after X?" is also asked of syntax ("after the FROM clause"): it is read as a learner's
# question only beside something the learner says of themselves or their learning.
AFTER = re.compile(r"\b(?:what|which)(?:\s+\w+)?\s+(?:comes?|follows?|should|shall|do|can|would|to)\b[^?.!;]{0,30}"
                   r"\bafter\b", re.I)
ASKS = tuple(re.compile(pattern, re.I) for pattern in (
    _NEXT,
    r"\bwhat\s+(?:comes|follows)\s*(?:now|then)?\s*[?.!]?\s*$",
    r"\bwhere\s+(?:do|should|can|would|shall)\s+I\s+go\s+(?:from\s+here|now)\b|\bwhere\s+to\s+go\s+from\s+here\b",
    r"\b(?:what\s+now|now\s+what)\b",
    r"\bwhat\s+(?:should|shall|do|can|would)\s+I\s+(?:learn|study|tackle|master|focus\s+on|pick\s+up|work\s+on)"
    r"(?:\s+(?:now|then))?\s*[?.!]?\s*$",
))
# Asking where to begin: the path's first milestone is the answer. "start (with) debugging" is a task, not a path.
_NOT_A_TASK = r"(?!\s+(?:with\s+|on\s+)?\w+ing\b)"
STARTS = tuple(re.compile(pattern, re.I) for pattern in (
    rf"\bwhere\s+(?:do|should|can|would|shall)\s+I\s+(?:start|begin)\b{_NOT_A_TASK}",
    rf"\bhow\s+(?:do|should|can|would)\s+I\s+(?:start|begin|get\s+started)\b{_NOT_A_TASK}",
    r"\bfirst\s+(?:step|thing|milestone|topic)s?\b(?:\s+to\s+(?:learn|study))?",
    r"\bwhat\s+(?:should|do)\s+I\s+(?:learn|study|do)\s+first\b",
    r"\bstarting\s+point\b",
))
KNOWS = re.compile(
    r"\bI(?:'ve|\s+have|'m|\s+am)?\s+(?:\w+\s+){0,2}?(?:know|knew|finished|completed|done|learned|learnt|mastered"
    r"|covered|studied|built|made|written|wrote|shipped|deployed|implemented|practi[sc]ed|understand|can|got"
    r"|been|added|automated|set\s+up|comfortable|familiar|fluent|confident)\b"
    r"|^\s*(?:finished|completed|done|learned|learnt|mastered|covered|studied|just|after|having|now\s+that|since)\b"
    r"|\bmy\s+[\w\-/ ]{1,40}?\s+(?:now|already|is\s+(?:live|deployed|running))\b"
    r"|\b(?:comfortable|familiar|fluent|confident)\s+(?:with|in)\b|\bdone\s+with\b|\balready\b", re.I)
BEGINNER = re.compile(
    r"\bbeginners?\b|\bnew\s+to\b|\bnever\s+(?:\w+\s+){0,2}?(?:programmed|coded|written|studied|learned|used|done)\b"
    r"|\bno\s+(?:\w+\s+){0,2}(?:experience|background|knowledge)\b|\bfrom\s+scratch\b|\bjust\s+start(?:ing|ed)\b"
    r"|\bhaven'?t\s+(?:\w+\s+){0,2}?(?:studied|learned|used|done)\b|\bzero\s+experience\b", re.I)
# A report of something failing is a problem to solve, not a learner's progress ("my session is lost, what now?").
TROUBLE = re.compile(r"\b(?:errors?|exceptions?|fail(?:s|ed|ing|ure)?|crash(?:es|ed|ing)?|broken|bugs?|lost|throws?"
                     r"|not\s+working|stopped\s+working|problems?|issues?|goes\s+wrong|went\s+wrong)\b", re.I)
# A statement about the learner is what they did or know, unless it is a wish ("I want to become ...").
FIRST_PERSON = re.compile(r"\b(?:I|I've|I'm|I'd|me|my|we|we've|our|us)\b", re.I)
GOAL = re.compile(r"\b(?:want|wants|wanted|would\s+like|I'd\s+like|hope|hoping|plan|planning|goal|aim|trying)\b",
                  re.I)
LEARNING = re.compile(r"\b(?:path|roadmap|track|curriculum|course|milestones?|learn\w*|stud(?:y|ying|ied)"
                      r"|career|becom(?:e|ing)|aspiring|journey)\b", re.I)
# Clauses: sentences, parts joined by ";", a dash or "but", and a comma before the ask ("..., what's next?").
CLAUSE = re.compile(r"(?<=[.?!;])\s+|;\s*|\s+[-\u2013\u2014]+\s+|\s+but\s+"
                    r"|,\s*(?=(?:so\s+|and\s+|now\s+)?(?:what|where|which|how|next|now)\b)", re.I)
QUESTION_WORD = re.compile(r"\b(?:what|where|which|how)\b", re.I)
AFTER_OBJECT = re.compile(r"\bafter\s+(?!(?:that|this|it|them|those|these|all)\b)([^?.!;]+)", re.I)


@dataclass(frozen=True, kw_only=True)
class Intent:
    """A question read as a "what next" question: its ask, and its parts by what they say."""

    asks: bool  # it asks for a next or first step ("what should I learn next?", "where do I start?")
    situated: bool  # it says what the learner knows or is, or speaks of learning: a learner's question
    start: bool  # it asks where to begin
    known: tuple[str, ...]  # the parts saying what the learner knows or has done
    starting_out: bool  # the learner says they are a beginner
    clauses: tuple[str, ...]  # every clause, the ask included (a path may be named anywhere)


def read_intent(question: str) -> Intent:
    """The question's ask, what it says of the learner, and its clauses."""
    clauses = tuple(part.strip(" ,.") for part in CLAUSE.split(question) if part and part.strip(" ,."))
    asking = [clause for clause in clauses if _is_ask(clause)]
    after = [clause for clause in clauses if clause not in asking and AFTER.search(clause)]
    rest = [clause for clause in clauses if clause not in asking and clause not in after]
    starting_out = any(BEGINNER.search(clause) for clause in clauses)
    said = _statements(rest)
    said += tuple(lead for clause in [*asking, *after] if (lead := _lead(clause)))
    situated = bool(said) or starting_out or any(LEARNING.search(clause) for clause in clauses)
    objects = tuple(found.group(1).strip(" ?.!") for clause in [*asking, *after]
                    if (found := AFTER_OBJECT.search(clause)))
    troubled = any(TROUBLE.search(clause) for clause in clauses)
    return Intent(asks=(bool(asking) or (bool(after) and situated)) and not troubled, situated=situated,
                  start=any(pattern.search(clause) for clause in asking for pattern in STARTS),
                  known=(*said, *objects), starting_out=starting_out, clauses=clauses)


def _statements(clauses: list[str]) -> tuple[str, ...]:
    """The clauses saying what the learner knows or did: about themselves, or going on from such a clause
    ("I've done the basics. Also sessions and cookies."); never a wish or a beginner's "I'm new to this"."""
    found: list[str] = []
    previous = ""
    for clause in clauses:
        about = KNOWS.search(clause) or FIRST_PERSON.search(clause) or (previous and previous in found)
        if about and not BEGINNER.search(clause) and not GOAL.search(clause):
            found.append(clause)
        previous = clause
    return tuple(found)


def _is_ask(clause: str) -> bool:
    return any(pattern.search(clause) for pattern in (*ASKS, *STARTS))


def _lead(clause: str) -> str:
    """What an ask says of the learner before its question word: "Now that I know PDO(, what next?)"."""
    lead = QUESTION_WORD.split(clause, maxsplit=1)[0]
    return lead.strip(" ,") if lead != clause and KNOWS.search(lead) and not BEGINNER.search(lead) else ""
