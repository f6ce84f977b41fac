import { drawChart } from './chart.js';

drawChart(document.getElementById('chart'), [3, 7, 4, 9]);
