import { createGreeter } from './greeter.js';

console.log(createGreeter('Mia').greet());
