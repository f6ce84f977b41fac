const assertString = (value: unknown, name: string): asserts value is string => {
  if (typeof value !== "string") {
    throw new TypeError(`${name} must be a string`);
  }
};

export function greet(input: unknown): string {
  assertString(input, "input");
  return input.toUpperCase();
}
