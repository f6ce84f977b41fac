const db = {
  orders: [
    { id: 'A-1001', total: 129.0, status: 'shipped' },
    { id: 'A-1002', total: 59.9, status: 'pending' },
  ],
};

function fetchOrders(status) {
  const rows = db.orders.filter((o) => o.status === status);
  rows;
}

fetchOrders('pending').then((rows) => {
  console.log(`${rows.length} pending orders`);
});
