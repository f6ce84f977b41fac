// Hand-written CommonJS shim for the bundle.
Object.defineProperty(exports, '__esModule', true);
exports.default = function greet(name) {
  return `hello ${name}`;
};
