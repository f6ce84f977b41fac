import django
from django.conf import settings

settings.configure(DEBUG=True)
django.setup()
print("django", django.get_version())
