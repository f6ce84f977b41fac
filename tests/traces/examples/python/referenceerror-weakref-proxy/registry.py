import weakref


class Handler:
    def __init__(self, name):
        self.name = name

    def __call__(self, event):
        return f"{self.name} handled {event}"


registry = []


def register(handler):
    registry.append(weakref.proxy(handler))


register(Handler("audit"))
for h in registry:
    print(h("deploy"))
