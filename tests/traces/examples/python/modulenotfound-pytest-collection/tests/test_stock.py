from inventory.stock import available


def test_available():
    assert available({"A": 1}, "A")
