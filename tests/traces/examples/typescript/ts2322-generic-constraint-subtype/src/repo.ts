interface Entity {
  id: string;
}

export function withDefaults<T extends Entity>(partial: Partial<T>): T {
  const base: Entity = { id: crypto.randomUUID() };
  return { ...base, ...partial };
}

export function blank<T extends Entity>(): T {
  return { id: "" };
}
