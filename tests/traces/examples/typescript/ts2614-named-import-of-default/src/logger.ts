const logger = {
  info: (msg: string) => console.log(`[info] ${msg}`),
  error: (msg: string) => console.error(`[error] ${msg}`),
};

export default logger;
