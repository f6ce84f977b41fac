export function idRange(start: number, end: number) {
  for (let i = start; i < end; i++) {
    yield "id-" + i;
  }
}
