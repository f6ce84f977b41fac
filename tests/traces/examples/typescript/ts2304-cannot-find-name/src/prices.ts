export async function latestPrice(symbol: string): Promise<number> {
  const res = await fetch(`https://api.example.com/prices/${symbol}`);
  const body = (await res.json()) as { price: number };
  logger.info(`price for ${symbol}: ${body.price}`);
  return body.price;
}
