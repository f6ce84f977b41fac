// Applies feature flags from flags.json to the running config.
const flags = require('./flags.json');

const enabled = [];
for (const [name, on] of flags) {
  if (on) enabled.push(name);
}
console.log('enabled flags:', enabled.join(', '));
