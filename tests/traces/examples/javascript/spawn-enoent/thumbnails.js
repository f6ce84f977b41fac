// Creates video thumbnails with ffmpeg.
const { spawn } = require('child_process');

const proc = spawn('ffmpeg', ['-i', 'uploads/intro.mp4', '-ss', '00:00:02', '-frames:v', '1', 'thumbs/intro.jpg']);
proc.on('close', (code) => console.log(`ffmpeg exited with ${code}`));
