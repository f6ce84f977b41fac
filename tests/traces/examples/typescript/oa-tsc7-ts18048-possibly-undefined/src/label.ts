interface Address {
  street: string;
  city: string;
}

interface Order {
  id: string;
  shipping?: Address;
}

export function label(o: Order): string {
  return `${o.id}\n${o.shipping.street}\n${o.shipping.city}`;
}
