interface Notification {
  userId: string;
  title: string;
  channel: "email" | "sms" | "push";
}

function enqueue(n: Notification): void {
  console.log(`queue ${n.channel} for ${n.userId}`);
}

enqueue({ userId: "u-9", title: "Your order shipped" });
export {};
