from crm.billing import invoice_total

print(invoice_total([(2, 9.5), (1, 4.0)]))
