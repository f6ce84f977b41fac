import { Todo, toggle } from "./todo";
import { randomUUID } from "node:crypto";

const todos: Todo[] = [];

export function add(title: string): Todo {
  const todo: Todo = { id: randomUUID(), title, done: "no" };
  todos.push(todo);
  return todo;
}

export function complete(id: number) {
  const t = todos.find((x) => x.id === id);
  return toggle(t);
}
