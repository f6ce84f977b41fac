function scheduleAt(when: Date, task: () => void): void {
  setTimeout(task, when.getTime() - Date.now());
}

const runAt = "2030-01-01T09:00:00Z";
scheduleAt(runAt, () => console.log("run"));

export {};
