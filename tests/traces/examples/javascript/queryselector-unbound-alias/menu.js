// jQuery-style shortcut
const $ = document.querySelector;

$('#menu').addEventListener('click', () => {
  $('#nav').hidden = !$('#nav').hidden;
});
