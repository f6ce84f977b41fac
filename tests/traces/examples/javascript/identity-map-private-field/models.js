// A tiny identity map: constructing a model for an id that is already loaded returns the cached object.
const loaded = new Map();

class Model {
  constructor(id) {
    if (loaded.has(id)) return loaded.get(id);
    this.id = id;
    loaded.set(id, this);
  }
}

class User extends Model {
  #dirty = false;

  rename(name) {
    this.name = name;
    this.#dirty = true;
  }
}

const a = new User(7);
a.rename('Mia');
const b = new User(7); // same row loaded again by another request handler
console.log(a === b);
