interface RequestInit2 {
  method: string;
  timeoutMs: number;
  retries: number;
}

const defaults: RequestInit2 = { method: "GET", timeoutMs: 5000, retries: 2 };

export function post(): RequestInit2 {
  return { method: "POST", ...defaults };
}
