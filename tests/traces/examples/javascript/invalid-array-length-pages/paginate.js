// Builds the page index for the printed price list.
const products = require('./products.json');
const perPage = Number(process.env.PER_PAGE || 0);

const pageCount = Math.ceil(products.length / perPage);
const pages = new Array(pageCount).fill(null).map((_, i) => products.slice(i * perPage, (i + 1) * perPage));

console.log(`${pages.length} pages`);
