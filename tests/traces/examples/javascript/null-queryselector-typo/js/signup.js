document.querySelector('.signup-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const email = event.target.elements.email.value;
  fetch('/api/subscribe', { method: 'POST', body: JSON.stringify({ email }) });
});
