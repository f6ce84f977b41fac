for name in ["Ana Silva", "Kofi Mensah", "Zo\u00eb M\u00fcller"]:
    print(name)
