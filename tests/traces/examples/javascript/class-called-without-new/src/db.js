module.exports = {
  products: [
    { sku: 'MUG-01', stock: 12 },
    { sku: 'TSHIRT-M', stock: 0 },
  ],
};
