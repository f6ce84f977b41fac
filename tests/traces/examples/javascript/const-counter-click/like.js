const button = document.getElementById('like');
const likes = 0;

button.addEventListener('click', () => {
  likes += 1;
  button.textContent = `Like (${likes})`;
});

// the page restores the user's earlier like
button.click();
