class Money {
  #cents;

  constructor(cents) {
    this.#cents = cents;
  }

  static add(a, b) {
    return new Money(a.#cents + b.#cents);
  }

  toString() {
    return (this.#cents / 100).toFixed(2);
  }
}

const price = new Money(1999);
const shipping = { cents: 495 }; // came from the pricing API as JSON
console.log(Money.add(price, shipping).toString());
