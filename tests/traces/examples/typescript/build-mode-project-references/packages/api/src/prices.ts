import { format, type Money } from "../../core/src/index.js";

const price: Money = { amount: 19.99, currency: "GBP" };
console.log(format(price));
