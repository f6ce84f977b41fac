import json

from pydantic import BaseModel


class Settings(BaseModel):
    host: str
    port: int
    debug: bool = False


with open("settings.json") as fh:
    settings = Settings(**json.load(fh))
print(settings)
