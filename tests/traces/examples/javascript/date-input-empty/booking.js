const form = document.getElementById('booking');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const arrival = new Date(form.elements.arrival.value).toISOString();
  console.log('booking from', arrival);
});

// the guest presses "Book" without picking a date
form.requestSubmit();
