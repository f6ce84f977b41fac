export function renderMonth(el, date) {
  el.textContent = date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric' });
}
