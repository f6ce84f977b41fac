export class DbClient {
  private url: string;
  private connected: boolean;

  constructor(url?: string) {
    if (url) {
      this.url = url;
    }
    this.connected = false;
  }
}
