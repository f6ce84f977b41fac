// Build breadcrumbs for a category tree loaded from the CMS export.
const categories = [
  { id: 1, name: 'Home', parentId: null },
  { id: 2, name: 'Kitchen', parentId: 1 },
  { id: 3, name: 'Coffee', parentId: 2 },
  { id: 4, name: 'Grinders', parentId: 5 },
  { id: 5, name: 'Accessories', parentId: 4 },
];

const byId = new Map(categories.map((c) => [c.id, c]));

function breadcrumb(id) {
  const cat = byId.get(id);
  if (cat.parentId === null) return [cat.name];
  return [...breadcrumb(cat.parentId), cat.name];
}

for (const c of categories) {
  console.log(breadcrumb(c.id).join(' > '));
}
