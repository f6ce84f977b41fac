interface Job {
  id: string;
  attempts: number;
}

const job: Job = { id: 'welcome-mail', attempts: 0 };
console.log(`processing ${job.id}`);
