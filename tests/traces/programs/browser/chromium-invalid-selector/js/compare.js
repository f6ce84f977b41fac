const preselected = new URLSearchParams('ids=1042').get('ids').split(',');

for (const id of preselected) {
  document.querySelector(`#${id} .compare`).classList.add('active');
}
