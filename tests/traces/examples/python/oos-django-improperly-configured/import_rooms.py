from django.contrib.auth.models import User

print(User.objects.count())
