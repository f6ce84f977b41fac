const form = document.getElementById('signup-form');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const email = new FormData(form).get('email');
  console.log('subscribing', email);
});
