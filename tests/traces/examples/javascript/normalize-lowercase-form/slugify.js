function slugify(title) {
  return title
    .normalize('nfd')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');
}

console.log(slugify('Crème brûlée für Anfänger'));
