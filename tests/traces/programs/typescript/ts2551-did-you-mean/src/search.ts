export function summary(query: string, hits: string[]): string {
  if (hits.lenght === 0) {
    return `No results for "${query}"`;
  }
  return `${hits.length} results for "${query}"`;
}
