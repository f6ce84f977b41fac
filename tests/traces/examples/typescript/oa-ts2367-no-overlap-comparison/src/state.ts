type OrderState = "pending" | "paid" | "shipped";

export function canCancel(state: OrderState): boolean {
  return state === "pending" || state === "canceled";
}
