function sendMail({ to, subject }) {
  console.log(`[mailer] -> ${to}: ${subject}`);
}

module.exports = sendMail;
