interface AppConfig {
  readonly port: number;
  readonly host: string;
}

const config: AppConfig = { port: 3000, host: "localhost" };

export function useTestPort(): void {
  config.port = 0;
}
