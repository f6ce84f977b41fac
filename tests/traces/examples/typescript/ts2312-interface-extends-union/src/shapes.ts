type Shape =
  | { kind: "circle"; radius: number }
  | { kind: "square"; side: number };

export interface LabelledShape extends Shape {
  label: string;
}
