// Accepts 2026-12-03 or 03.12.2026 in the import file.
const DATE = new RegExp(
  '^(?:(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})|(?<day>\\d{2})\\.(?<month>\\d{2})\\.(?<year>\\d{4}))$'
);

for (const s of ['2026-12-03', '03.12.2026']) {
  console.log(s, DATE.exec(s).groups);
}
