import sys

from django.conf import settings
from django.http import JsonResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="dev-only-not-secret",
    LOGGING={
        "version": 1,
        "handlers": {"console": {"class": "logging.StreamHandler"}},
        "loggers": {"django": {"handlers": ["console"], "level": "INFO"}},
    },
)

ROOMS = {3: {"name": "Harbour view", "beds": 2}}


def room_detail(request, room_id):
    room = get_object_or_404(ROOMS, room_id)
    return JsonResponse(room)


urlpatterns = [path("rooms/<int:room_id>", room_detail)]

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
