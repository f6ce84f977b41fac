// Undo history: keeps deep copies of the editor state.
const state = {
  text: 'Hello',
  cursor: 5,
  onChange: () => console.log('changed'),
};

const history = [];
history.push(structuredClone(state));
