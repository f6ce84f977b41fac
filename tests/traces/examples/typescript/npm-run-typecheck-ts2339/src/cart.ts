interface CartItem {
  productId: string;
  quantity: number;
  priceCents: number;
}

export function cartTotal(items: CartItem[]): number {
  return items.reduce((sum, item) => sum + item.price * item.quantity, 0);
}
