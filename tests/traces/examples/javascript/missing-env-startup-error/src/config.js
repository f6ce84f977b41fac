function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Missing required environment variable: ${name}`);
  }
  return value;
}

module.exports = {
  databaseUrl: required('DATABASE_URL'),
  stripeKey: required('STRIPE_SECRET_KEY'),
};
