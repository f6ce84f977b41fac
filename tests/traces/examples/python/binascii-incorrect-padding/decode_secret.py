import base64

SECRET = "c2VjcmV0LWtleQ"
print(base64.b64decode(SECRET).decode())
