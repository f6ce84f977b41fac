const visitsByDay = { mon: 120, tue: 98, wed: 143 };
const busiest = Math.max(...visitsByDay);
document.getElementById('max').textContent = `busiest day: ${busiest} visits`;
