def test_empty(db_session):
    assert db_session["orders"] == []
