const db = require('./db');

function retryFailed(jobs) {
  jobs.forEach((job) => {
    await db.jobs.update(job.id, { status: 'queued' });
  });
}

module.exports = { retryFailed };
