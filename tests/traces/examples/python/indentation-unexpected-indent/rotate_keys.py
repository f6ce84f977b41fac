import secrets

new_key = secrets.token_hex(16)
    print("new key generated")
print(new_key[:4] + "...")
