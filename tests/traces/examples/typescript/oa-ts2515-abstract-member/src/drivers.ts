abstract class StorageDriver {
  abstract read(key: string): Promise<string | null>;
  abstract write(key: string, value: string): Promise<void>;
}

export class MemoryDriver extends StorageDriver {
  private data = new Map<string, string>();

  async read(key: string) {
    return this.data.get(key) ?? null;
  }
}
