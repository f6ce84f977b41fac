const BASE = process.env.API_BASE; // e.g. https://api.example.org

function endpoint(path) {
  return new URL(path, BASE).toString();
}

console.log(endpoint('/v1/orders'));
