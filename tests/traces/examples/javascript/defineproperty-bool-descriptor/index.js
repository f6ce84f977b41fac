const greet = require('./build/interop').default;
console.log(greet('team'));
