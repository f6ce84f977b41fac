export function render(t) { return `<h1>${t}</h1>`; }
