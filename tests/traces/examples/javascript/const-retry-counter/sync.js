// Pushes unsent invoices to the accounting API, retrying on failure.
const MAX_ATTEMPTS = 3;

function pushInvoice(invoice) {
  // The accounting sandbox rejects every other call during maintenance.
  if (Math.random() < 2) throw new Error('503 from accounting API');
  return { id: invoice.id, status: 'sent' };
}

function sendWithRetry(invoice) {
  const attempts = 0;
  while (true) {
    try {
      return pushInvoice(invoice);
    } catch (err) {
      attempts++;
      if (attempts >= MAX_ATTEMPTS) throw err;
      console.warn(`invoice ${invoice.id}: ${err.message}, retrying (${attempts}/${MAX_ATTEMPTS})`);
    }
  }
}

for (const invoice of [{ id: 'INV-2026-0412' }, { id: 'INV-2026-0413' }]) {
  console.log(sendWithRetry(invoice));
}
