// minimal JSX typings for the project's own tiny renderer (h.ts)
declare namespace JSX {
  interface Element {
    tag: string;
  }
  interface IntrinsicElements {
    div: { class?: string };
    h1: {};
    button: { onClick?: () => void };
  }
}
