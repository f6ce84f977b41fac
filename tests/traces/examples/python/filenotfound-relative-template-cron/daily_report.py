import datetime

with open("templates/report.txt") as fh:
    template = fh.read()

print(template.format(day=datetime.date.today()))
