function showAlert(message) {
  document.getElementById('alerts').insertAdjacentHTML('inside', `<p class="alert">${message}</p>`);
}

showAlert('Saved!');
