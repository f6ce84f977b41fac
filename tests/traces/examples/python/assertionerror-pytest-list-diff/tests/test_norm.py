from tagger.norm import normalise


def test_normalise_dedupes():
    assert normalise(["Ops", " ops", "Security"]) == ["ops", "security"]
