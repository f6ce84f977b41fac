class ApiClient:
    def __init__(self, token):
        self.__token = token


class GitHubClient(ApiClient):
    def headers(self):
        return {"Authorization": f"Bearer {self.__token}"}


print(GitHubClient("ghp_example").headers())
