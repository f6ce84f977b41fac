class PaymentError extends Error {
  constructor(code, message) {
    this.code = code;
    super(message);
    this.name = 'PaymentError';
  }
}

module.exports = { PaymentError };
