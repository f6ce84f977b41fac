import django
from django.conf import settings

settings.configure(
    INSTALLED_APPS=["rooms"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
)
django.setup()

from rooms.models import Room  # noqa: E402

print(Room.objects.filter(nam="Harbour view").count())
