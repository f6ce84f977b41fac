from smoothing import smooth

sales = [120, 132, 128, 140, 151, 149]
print("next month:", round(smooth(sales)[-1] * 1.02))
