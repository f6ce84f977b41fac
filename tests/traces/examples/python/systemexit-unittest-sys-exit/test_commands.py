import unittest

from commands import handle


class CommandTests(unittest.TestCase):
    def test_ping(self):
        self.assertEqual(handle("/ping"), "pong")

    def test_unknown(self):
        self.assertIn("unknown", handle("/stats"))


if __name__ == "__main__":
    unittest.main()
