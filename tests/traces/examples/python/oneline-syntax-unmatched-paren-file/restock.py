low = {'A-100': 3}
for sku, qty in low.items():
    print(f'{sku}: order {10 - qty}'))
