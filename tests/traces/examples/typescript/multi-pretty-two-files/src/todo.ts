export interface Todo {
  id: number;
  title: string;
  done: boolean;
}

export function toggle(t: Todo): Todo {
  return { ...t, done: !t.done };
}
