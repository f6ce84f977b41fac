export class TtlCache<V> {
  private store = new Map<string, { value: V; expires: number }>();

  set(key: string, value: V): void {
    this.store.set(key, { value, expires: Date.now() + 60_000 });
  }
}

const cache = new TtlCache<string>();
cache.set("session:42", "token-abc", 300);
