export function drawChart(canvas, values) {
  const ctx = canvas.getContext('2d');
  values.forEach((v, i) => ctx.fillRect(i * 20, 100 - v * 10, 15, v * 10));
}
