import sys


class PluginFinder:
    def find_module(self, name, path=None):
        return None


sys.meta_path.insert(0, PluginFinder())
import json  # noqa: E402,F401

print("plugins loaded")
