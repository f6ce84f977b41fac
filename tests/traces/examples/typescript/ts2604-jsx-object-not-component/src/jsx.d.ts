declare namespace JSX {
  interface Element {
    tag: string;
  }
  interface IntrinsicElements {
    div: { class?: string };
    h1: {};
  }
}
