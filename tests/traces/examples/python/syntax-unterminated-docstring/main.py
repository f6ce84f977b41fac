from crm import tasks

print(tasks.run())
