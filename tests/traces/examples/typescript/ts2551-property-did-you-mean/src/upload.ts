interface UploadResult {
  fileName: string;
  sizeBytes: number;
  contentType: string;
}

export function describe(r: UploadResult): string {
  return `${r.filename} (${r.sizeBytes} bytes, ${r.contentType})`;
}
