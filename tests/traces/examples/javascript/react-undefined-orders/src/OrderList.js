const e = React.createElement;

function OrderList() {
  const [orders, setOrders] = React.useState();

  React.useEffect(() => {
    fetch('/api/orders.json')
      .then((res) => res.json())
      .then(setOrders);
  }, []);

  return e('ul', null, orders.map((o) => e('li', { key: o.id }, `${o.number}: ${o.total} EUR`)));
}

ReactDOM.createRoot(document.getElementById('root')).render(e(OrderList));
