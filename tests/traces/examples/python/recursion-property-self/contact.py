class Contact:
    def __init__(self, name):
        self._name = name

    @property
    def name(self):
        return self.name.strip()


print(Contact(" Ines ").name)
