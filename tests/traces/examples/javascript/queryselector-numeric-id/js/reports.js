function highlight(reportId) {
  document.querySelector('#' + reportId).classList.add('highlight');
}

highlight('2026-q3');
