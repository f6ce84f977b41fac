interface Notification {
  id: string;
  userId: number;
  channel: 'email' | 'sms' | 'push';
  body: string;
}

export function welcome(userId: number): Notification {
  const n: Notification = {
    id: `welcome-${userId}`,
    userId,
    body: 'Thanks for signing up!',
  };
  return n;
}
