from fonts import pick_font

print("using", pick_font("Inter"))
