export class Cart {
  #items = [];

  add(sku, price, qty = 1) {
    this.#items.push({ sku, price, qty });
  }

  get total() {
    return this.#items.reduce((sum, i) => sum + i.price * i.qty, 0);
  }

  clear() {
    this.#items = [];
    this.total = 0;
  }
}
