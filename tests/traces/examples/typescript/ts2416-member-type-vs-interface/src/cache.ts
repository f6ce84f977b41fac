interface Cache {
  get(key: string): string | undefined;
  size(): number;
}

export class LruCache implements Cache {
  private map = new Map<string, string>();
  get(key: string): string | undefined {
    return this.map.get(key);
  }
  size = 0;
}
