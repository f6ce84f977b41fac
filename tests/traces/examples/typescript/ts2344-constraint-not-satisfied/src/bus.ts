interface BaseEvent {
  type: string;
  at: number;
}

class Bus<E extends BaseEvent> {
  private handlers: ((e: E) => void)[] = [];
  on(h: (e: E) => void) {
    this.handlers.push(h);
  }
}

interface UserCreated {
  userId: string;
}

export const bus = new Bus<UserCreated>();
