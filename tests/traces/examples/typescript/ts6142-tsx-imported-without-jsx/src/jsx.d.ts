declare namespace JSX {
  interface Element {
    tag: string;
  }
  interface IntrinsicElements {
    section: {};
    h1: {};
  }
}
