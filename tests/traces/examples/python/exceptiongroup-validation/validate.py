def validate(contact):
    errors = []
    if "@" not in contact["email"]:
        errors.append(ValueError(f"invalid email {contact['email']!r}"))
    if "country" not in contact:
        errors.append(KeyError("country"))
    if errors:
        raise ExceptionGroup(f"contact {contact['id']} is invalid", errors)


validate({"id": 17, "email": "ines.example.org"})
