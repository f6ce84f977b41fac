const { createLogger } = require('@acme/logger');

const log = createLogger('billing');
log.info('started');
