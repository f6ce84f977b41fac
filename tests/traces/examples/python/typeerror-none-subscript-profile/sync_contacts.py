import json

from mapping import to_crm_record


def main():
    with open("contacts.json", encoding="utf-8") as fh:
        contacts = json.load(fh)
    records = [to_crm_record(c) for c in contacts]
    print(f"prepared {len(records)} records")


if __name__ == "__main__":
    main()
