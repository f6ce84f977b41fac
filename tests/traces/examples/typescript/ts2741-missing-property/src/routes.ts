interface Route {
  path: string;
  method: "GET" | "POST";
  handler: () => string;
}

export const health: Route = {
  path: "/health",
  handler: () => "ok",
};
