class NotFound extends Error {}
class ValidationError extends Error {}

module.exports = { NotFound, ValidationError };
