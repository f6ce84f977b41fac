distance, lap_length = 5230.0, 0.0
print("metres into lap:", distance % lap_length)
