const { sendMail } = require('./lib/mailer');

sendMail({
  to: 'ops@example.org',
  subject: 'Nightly backup finished',
  text: 'All 14 databases were dumped.',
});
