renderBoard();

const API_BASE = '/api/v1';

function renderBoard() {
  document.getElementById('board').textContent = `loading from ${API_BASE}/status ...`;
}
