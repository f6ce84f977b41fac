export function shouldRetry(status: number, attempt: number): boolean {
  if (status >= 500 && attempt < 3);
  {
    return true;
  }
  return false;
}
