from multiprocessing import Pool

COUNTRIES = {"DE": "Germany", "PT": "Portugal", "GH": "Ghana"}


def enrich(row):
    return {**row, "country_name": COUNTRIES[row["country"]]}


if __name__ == "__main__":
    rows = [{"id": 1, "country": "DE"}, {"id": 2, "country": "XK"}, {"id": 3, "country": "GH"}]
    with Pool(2) as pool:
        print(pool.map(enrich, rows))
