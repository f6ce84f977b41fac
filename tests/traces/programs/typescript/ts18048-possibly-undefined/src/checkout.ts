interface Address {
  street: string;
  city: string;
  postcode: string;
}

interface Order {
  id: string;
  billing: Address;
  shipping?: Address;
}

export function shippingLabel(order: Order): string {
  return [order.shipping.street, `${order.shipping.postcode} ${order.shipping.city}`].join('\n');
}
