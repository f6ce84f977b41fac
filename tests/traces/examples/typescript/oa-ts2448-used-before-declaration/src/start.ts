export function start(): void {
  console.log(`starting on port ${port}`);
  const port = Number(process.env.PORT ?? 8080);
}
