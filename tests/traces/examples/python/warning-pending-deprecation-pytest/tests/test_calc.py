from geo.calc import distance_km


def test_zero():
    assert distance_km((0, 0), (0, 0)) == 0
