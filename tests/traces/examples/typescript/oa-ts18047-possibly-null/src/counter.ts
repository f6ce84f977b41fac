const button = document.querySelector<HTMLButtonElement>("#increment");
let count = 0;

button.addEventListener("click", () => {
  count++;
  button.textContent = `Clicked ${count} times`;
});

export {};
