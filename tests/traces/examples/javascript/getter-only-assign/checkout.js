import { Cart } from './cart.js';

const cart = new Cart();
cart.add('MUG-01', 12.5, 2);
console.log('total', cart.total);
cart.clear();
