function scheduleJobs(jobs) {
  for (const job of jobs) {
    if (job.enabled) {
      console.log(`scheduling ${job.name} every ${job.every}`);
    }
  }

module.exports = { scheduleJobs };
