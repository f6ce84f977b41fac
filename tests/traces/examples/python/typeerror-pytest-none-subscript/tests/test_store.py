import pytest

from orders.store import OrderStore


@pytest.fixture
def store():
    s = OrderStore()
    s.add("A-1", 10.0)
    s.add("A-2", 25.5)
    return s


def test_find_existing(store):
    assert store.find_order("A-1")["total"] == 10.0


def test_find_second(store):
    assert store.find_order("A-3")["total"] == 25.5
