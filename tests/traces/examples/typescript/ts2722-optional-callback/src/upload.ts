interface UploadOptions {
  url: string;
  onProgress?: (percent: number) => void;
}

export async function upload(file: Blob, opts: UploadOptions): Promise<void> {
  opts.onProgress(0);
  await fetch(opts.url, { method: "PUT", body: file });
  opts.onProgress(100);
}
