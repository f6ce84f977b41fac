export const createGreeter = (name) => {
  greet: function greet() {
    return `Hello, ${name}!`;
  }
};
