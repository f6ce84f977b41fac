// Builds the in-memory search index for all product descriptions.
const index = new Map();
let n = 0;
while (true) {
  const doc = { id: n, text: `product ${n} `.repeat(40), tokens: [] };
  for (const word of doc.text.split(' ')) doc.tokens.push(word + n);
  index.set(n++, doc);
}
