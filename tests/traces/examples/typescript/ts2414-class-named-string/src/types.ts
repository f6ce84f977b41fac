export class number {
  constructor(public value: number) {}
}
