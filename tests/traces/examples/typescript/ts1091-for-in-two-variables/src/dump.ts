const env: Record<string, string> = { NODE_ENV: "production", PORT: "8080" };

for (const key, value in env) {
  console.log(`${key}=${value}`);
}

export {};
