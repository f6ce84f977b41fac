interface LimiterConfig {
  windowMs: number;
  max: number;
}

export const config: LimiterConfig = {
  windowMs: "60000",
  max: 100,
};
