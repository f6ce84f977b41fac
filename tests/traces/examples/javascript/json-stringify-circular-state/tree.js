const root = { name: 'root', children: [] };
const docs = { name: 'docs', parent: root, children: [] };
root.children.push(docs);

sessionStorage.setItem('tree', JSON.stringify(root));
