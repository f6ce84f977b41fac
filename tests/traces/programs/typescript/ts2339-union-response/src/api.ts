type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string };

interface Shipment {
  trackingNumber: string;
  carrier: 'dhl' | 'ups' | 'gls';
}

export async function trackingUrl(result: ApiResult<Shipment>): Promise<string> {
  const { trackingNumber, carrier } = result.data;
  return `https://track.example.com/${carrier}/${trackingNumber}`;
}
