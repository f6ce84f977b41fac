from pydantic import BaseModel


class Repository(BaseModel):
    full_name: str


class PushEvent(BaseModel):
    ref: str
    repository: Repository


event = PushEvent.model_validate({"ref": "refs/heads/main", "pusher": {"name": "priya"}})
print(event.repository.full_name)
