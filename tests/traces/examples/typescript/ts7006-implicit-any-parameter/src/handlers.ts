type Handler = (req: { url: string }, res: { end(body: string): void }) => void;

const routes = new Map<string, Handler>();

export function register(path: string, handler: Handler) {
  routes.set(path, handler);
}

export function logRequest(req, startedAt) {
  console.log(`${req.url} took ${Date.now() - startedAt} ms`);
}
