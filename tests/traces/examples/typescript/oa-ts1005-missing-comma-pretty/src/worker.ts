export const workerOptions = {
  concurrency: 4,
  pollIntervalMs: 500
  maxRetries: 5,
};
