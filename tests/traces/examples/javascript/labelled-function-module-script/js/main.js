const createGreeter = (name) => {
  greet: function greet() {
    return `Hello, ${name}!`;
  }
};

document.getElementById('hello').textContent = createGreeter('Mia').greet();
