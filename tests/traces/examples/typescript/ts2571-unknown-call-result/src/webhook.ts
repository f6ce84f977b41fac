function parseBody(raw: string): unknown {
  return JSON.parse(raw);
}

export function eventType(raw: string): string {
  return parseBody(raw).type;
}
