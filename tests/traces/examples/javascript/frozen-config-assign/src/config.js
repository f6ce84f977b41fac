const defaults = {
  port: 8080,
  smtpHost: 'localhost',
  retries: 3,
};

export default Object.freeze(defaults);
