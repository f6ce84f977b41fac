export class Queue<T> {
  private items: T[] = [];
  push(item: T) {
    this.items.push(item);
  }
  shift(): T | undefined {
    return this.items.shift();
  }
}

export const jobs: Queue = new Queue<string>();
