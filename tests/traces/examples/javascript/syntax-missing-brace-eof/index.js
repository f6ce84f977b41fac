const { scheduleJobs } = require('./jobs');
scheduleJobs([{ name: 'cleanup', every: '1h', enabled: true }]);
