export const config = {
  host: "0.0.0.0",
  port: 3000,
  logLevel: "info",
  port: 8080,
};
