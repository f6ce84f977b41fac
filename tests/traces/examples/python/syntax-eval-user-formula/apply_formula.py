formula = "base * 1.19 +"
base = 42.0
print(eval(formula, {"base": base}))
