const { useEffect, useState, createElement: h } = React;

function ProductList() {
  const [products, setProducts] = useState();

  useEffect(() => {
    fetch('/api/products.json')
      .then((res) => res.json())
      .then(setProducts);
  }, []);

  return h(
    'ul',
    { className: 'products' },
    products.map((p) => h('li', { key: p.id }, `${p.name} — €${p.price.toFixed(2)}`)),
  );
}

ReactDOM.createRoot(document.getElementById('root')).render(h(ProductList));
