interface MailOptions {
  to: string;
  subject: string;
  body: string;
}

function send(opts: MailOptions): void {
  console.log(`to ${opts.to}: ${opts.subject}`);
}

send({ to: "ops@example.com", subject: "disk full", body: "/var at 97%", priority: "high" });
export {};
