import { renderMonth } from './calendar.js';

renderMonth(document.getElementById('calendar'), new Date());
