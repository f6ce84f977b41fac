const products = [
  { sku: 'MUG-01', price: 12.5 },
  { sku: 'TSHIRT-M', price: 19.99 },
  { sku: 'CAP-02', price: 9.0 },
];

const byPrice = [...products].sort('price');
console.log(byPrice.slice(0, 2));
