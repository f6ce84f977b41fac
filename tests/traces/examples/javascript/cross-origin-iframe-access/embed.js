const frame = document.getElementById('widget');
frame.addEventListener('load', () => {
  const height = frame.contentWindow.document.body.scrollHeight;
  frame.style.height = `${height}px`;
});
