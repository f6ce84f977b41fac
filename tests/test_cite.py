"""Citation checks: invalid markers, sentence splitting, support by the cited passages."""

from assistant.cite import check_citations, split_sentences

PASSAGES = [
    "JWT storage › Answer\n\nKeep the access token in an httpOnly, Secure, SameSite cookie, not in localStorage.",
    "Token expiry › Fix\n\nShort-lived access tokens with refresh token rotation limit what a stolen token can do.",
]


def test_invalid_markers_are_removed_and_counted():
    check = check_citations("Keep the token in an httpOnly cookie [1][7]. Rotate refresh tokens [0] [2].", PASSAGES)
    assert check.invalid_markers == 2
    assert "[7]" not in check.text and "[0]" not in check.text
    assert check.cited == (1, 2)


def test_sentences_are_judged_against_what_they_cite():
    check = check_citations(
        "Keep the access token in an httpOnly Secure cookie, not in localStorage [1]. "
        "Short-lived access tokens with refresh token rotation limit a stolen token [1]. "
        "Tokens should be encrypted with AES-256 before sending them to the browser.",
        PASSAGES,
    )
    verdicts = [(s.cites, s.supported) for s in check.sentences]
    assert verdicts == [((1,), True), ((1,), False), ((), False)]  # wrong citation; no citation
    assert check.unsupported[1].startswith("Tokens should be encrypted") and check.faithfulness == 1 / 3


def test_a_sentence_restating_the_users_paste_is_supported_by_it():
    paste = "ModuleNotFoundError: No module named 'yaml' in /home/dev/tools/check.py line 5"
    check = check_citations("Your error ModuleNotFoundError: No module named yaml happens at "
                            "/home/dev/tools/check.py:5.", PASSAGES, paste=paste)
    assert check.sentences[0].supported


def test_split_keeps_markers_with_their_sentence_and_skips_code():
    text = "First claim. [1] Second claim [2].\n- a bullet about tokens [1]\n```python\nx = 1. y = 2\n```\nLast one!"
    assert split_sentences(text) == ["First claim. [1]", "Second claim [2].", "- a bullet about tokens [1]",
                                     "Last one!"]


def test_remote_markdown_images_are_not_kept():
    check = check_citations("See ![diagram](https://evil.example/track.png) here [1].", PASSAGES)
    assert "evil.example" not in check.text and "diagram" in check.text
