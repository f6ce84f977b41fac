// @ts-check
const raw = JSON.parse(process.env.APP_CONFIG || "{}");
export const config = raw as { port: number; host: string };
