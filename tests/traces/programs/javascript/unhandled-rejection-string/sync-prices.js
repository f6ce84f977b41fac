const SUPPLIERS = ['acme-tools', 'nordic-parts', 'bolt-and-nut'];

function fetchPriceList(supplier) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      if (supplier === 'nordic-parts') {
        reject(`price list for ${supplier} timed out after 3000ms`);
      } else {
        resolve({ supplier, items: 120 });
      }
    }, 20);
  });
}

async function main() {
  const lists = SUPPLIERS.map(fetchPriceList);
  for (const p of lists) {
    p.then((list) => console.log(`synced ${list.items} prices from ${list.supplier}`));
  }
}

main();
