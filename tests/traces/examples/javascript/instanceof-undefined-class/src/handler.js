const errors = require('./errors');

function toStatus(err) {
  if (err instanceof errors.NotFoundError) return 404;
  if (err instanceof errors.ValidationError) return 422;
  return 500;
}

console.log(toStatus(new errors.NotFound('order 77 not found')));
