const state = { todos: ['write report', 'book train'] };

function setState(patch) {
  Object.assign(state, patch);
  render();
}

function render() {
  document.getElementById('todos').innerHTML = state.todos.map((t) => `<li>${t}</li>`).join('');
  setState({ renderedAt: Date.now() });
}

render();
