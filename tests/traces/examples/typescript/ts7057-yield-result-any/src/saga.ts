interface User {
  id: string;
  name: string;
}

export function* loadUserSaga(id: string) {
  const user = yield fetch(`/api/users/${id}`).then((r) => r.json() as Promise<User>);
  console.log("loaded", user);
}
