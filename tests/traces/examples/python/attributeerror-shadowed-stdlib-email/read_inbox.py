import email

RAW = "From: ana@example.org\nSubject: invoice 2031\n\nplease find attached"

msg = email.message_from_string(RAW)
print(msg["Subject"])
