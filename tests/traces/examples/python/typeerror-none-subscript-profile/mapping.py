def city_of(contact):
    return contact["address"]["city"].title()


def to_crm_record(contact):
    return {
        "name": f"{contact['first']} {contact['last']}",
        "email": contact["email"].lower(),
        "city": city_of(contact),
    }
