export function countWords(text: string): number {
  const total = 0;
  for (const w of text.split(/\s+/)) {
    if (w) total += 1;
  }
  return total;
}
