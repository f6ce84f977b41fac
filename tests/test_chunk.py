"""Section-aware chunking, counted in the real model's word pieces."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embeddings.model import count_word_pieces
from ingest.chunk import SEPARATOR, chunk_entry, pack_blocks, split_sections
from ingest.entry import Entry

BUDGET = 256


def entry(body: str, kind: str = "qa", title: str = "How do sessions expire?", **extra) -> Entry:
    return Entry(id="qa/t", kind=kind, title=title, body=body, **extra)


def chunks_of(body: str, **kwargs):
    return chunk_entry(entry(body, **kwargs), count_word_pieces, BUDGET)


def test_one_chunk_per_section_with_title_and_section_prefix():
    body = "Short answer.\n\n## Deep Dive\nDetails here.\n\n## Common Mistakes\nMistakes here."
    chunks = chunks_of(body)
    assert [(c.section, c.body) for c in chunks] == [
        ("Answer", "Short answer."), ("Deep Dive", "Details here."), ("Common Mistakes", "Mistakes here.")
    ]
    assert chunks[1].text == f"How do sessions expire?{SEPARATOR}Deep Dive\n\nDetails here."
    assert [c.chunk_id for c in chunks] == ["qa/t#0", "qa/t#1", "qa/t#2"]


def test_opening_section_is_overview_for_other_kinds_and_title_heading_is_dropped():
    sections = split_sections(entry("# How do sessions expire?\n\nIntro.\n\n## Fix\nDo this.", kind="article"))
    assert sections == [("Overview", ["Intro."]), ("Fix", ["Do this."])]


def test_headings_inside_code_fences_are_code():
    body = "## Code\n```bash\n## not a heading\necho hi\n```\n\n## Usage\nRun it."
    chunks = chunks_of(body)
    assert [c.section for c in chunks] == ["Code", "Usage"]
    assert "## not a heading" in chunks[0].body


def test_error_entries_get_a_chunk_with_their_messages():
    chunks = chunk_entry(
        Entry(id="error/e", kind="error", title="T", body="## Fix\nx", error_message="ERROR 1452 (23000): fails",
              message_variants=("ERROR: violates foreign key",)),
        count_word_pieces,
    )
    assert chunks[-1].section == "Error message"
    assert chunks[-1].body == "ERROR 1452 (23000): fails\nERROR: violates foreign key"


def test_long_sections_split_on_paragraphs_and_never_exceed_the_budget():
    paragraphs = [f"Paragraph {n}: " + "tokens expire and refresh rotate " * 12 for n in range(20)]
    chunks = chunks_of("## Deep Dive\n" + "\n\n".join(paragraphs))
    assert len(chunks) > 3
    assert all(c.tokens <= BUDGET for c in chunks)
    assert all(c.section == "Deep Dive" for c in chunks)
    # Paragraph boundaries are kept: every paragraph lands whole in exactly one chunk.
    for paragraph in paragraphs:
        assert sum(paragraph in c.body for c in chunks) == 1


def test_code_blocks_stay_whole_when_they_fit_and_are_refenced_when_split():
    small = "```python\n" + "\n".join(f"x{n} = {n}" for n in range(10)) + "\n```"
    big = "```python\n" + "\n".join(f"value_{n} = compute_something({n}, flag=True)" for n in range(120)) + "\n```"
    chunks = chunks_of(f"## Code\n{small}\n\nSome prose.\n\n{big}")
    assert any(small in c.body for c in chunks)
    big_chunks = [c for c in chunks if "compute_something" in c.body]
    assert len(big_chunks) > 1
    for c in big_chunks:
        assert c.body.count("```") % 2 == 0 and c.tokens <= BUDGET


def test_an_open_fence_below_a_blank_first_line_is_split_by_lines():
    # The fence pattern matches across the blank line, but that line is no fence to re-close the halves
    # with: this once raised AttributeError (found by mypy).
    block = " \n```python\n" + "\n".join(f"value_{n} = compute_something({n})" for n in range(60))
    bodies = pack_blocks([block], count_word_pieces, BUDGET)
    assert len(bodies) > 1 and all(tokens <= BUDGET for _, tokens in bodies)
    assert "\n".join(body for body, _ in bodies) == block.strip()


@pytest.mark.parametrize(
    "body",
    [
        "word " * 3000,  # one enormous paragraph of words
        "x" * 20000,  # one enormous token run with no spaces
        "Sentence one is here. " * 600,
        "```\n" + "y" * 5000 + "\n```",  # a code block that is one long line
        "- item\n" * 2000,
    ],
)
def test_pathological_text_is_cut_under_the_budget(body):
    chunks = chunks_of(body)
    assert chunks and all(c.tokens <= BUDGET for c in chunks)


def test_empty_sections_make_no_chunks():
    assert [c.section for c in chunks_of("Intro.\n\n## Empty\n\n## Full\nText.")] == ["Answer", "Full"]


PATHOLOGICAL = [
    "word " * 3000,
    "x" * 20000,
    "Sentence one is here. " * 600,
    "```\n" + "y" * 5000 + "\n```",
    "- item\n" * 2000,
    "Café naïve 東京の設定 " * 200 + "\n\n" + "tab\tseparated\u200bzero\u00a0width " * 100,
]


@pytest.mark.parametrize("body", PATHOLOGICAL)
def test_a_chunks_token_count_is_the_count_of_its_whole_text(body):
    # Counts are added up from the prefix and the packed blocks, never recounted: this checks the sum.
    chunks = chunks_of("Intro.\n\n## Deep Dive\n" + body)
    assert [c.tokens for c in chunks] == count_word_pieces([c.text for c in chunks])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=400), min_size=1, max_size=10), st.text(min_size=1, max_size=40))
def test_token_counts_add_up_for_any_text(paragraphs, title):
    chunks = chunk_entry(entry("\n\n".join(paragraphs), title=title), count_word_pieces, 64)
    assert [c.tokens for c in chunks] == count_word_pieces([c.text for c in chunks])
