// Copies files to the backup share and draws a progress bar.
const WIDTH = 30;

function progressBar(done, total) {
  const filled = Math.round((done / total) * WIDTH);
  return '[' + '#'.repeat(filled) + '-'.repeat(WIDTH - filled) + `] ${done}/${total}`;
}

const files = ['db.sql', 'uploads.tar', 'config.tar', 'logs.tar'];
let copied = 0;
for (const file of files) {
  copied++;
  if (file === 'uploads.tar') copied++; // uploads are split in two parts
  console.log(progressBar(copied, files.length), file);
}
