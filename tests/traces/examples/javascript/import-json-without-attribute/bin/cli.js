import pkg from '../package.json';

console.log(`cli-version ${pkg.version}`);
