// Highlights the search term in template names; the u flag is needed for emoji names.
const templates = ['Invoice {number}', 'Reminder 🔔 {days} days', 'Welcome'];
const query = process.argv[2];

const re = new RegExp(query, 'u');
for (const t of templates) {
  if (re.test(t)) console.log('match:', t);
}
