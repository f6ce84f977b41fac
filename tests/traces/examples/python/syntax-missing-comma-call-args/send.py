import smtplib

server = smtplib.SMTP("127.0.0.1" 2525)
