export const retryPolicy = {
  attempts: 5,
  backoffMs: 250
  maxBackoffMs: 8000,
};
