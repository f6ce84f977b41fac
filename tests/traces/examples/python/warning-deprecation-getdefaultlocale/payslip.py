import locale

lang, encoding = locale.getdefaultlocale()
print(f"payslip language: {lang or 'C'}, encoding: {encoding}")
