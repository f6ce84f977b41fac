rows = [("Tee", "12,50 EUR"), ("Gutschein", "Wert 20 \u20ac")]

with open("export.txt", "w", encoding="latin-1") as fh:
    for name, price in rows:
        fh.write(f"{name};{price}\n")
