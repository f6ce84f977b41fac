const input = document.getElementById('site');
const url = new URL(input.value);
document.getElementById('host').textContent = url.hostname;
