const app = { name: 'cms' };

function versionPlugin(target, version) {
  Object.defineProperty(target, 'version', { value: version, enumerable: true });
}

versionPlugin(app, '3.2.0');
// a second plugin bundle registers the same plugin again
versionPlugin(app, '3.2.1');
console.log(app);
