import sys

from django.conf import settings
from django.http import JsonResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="dev-only-not-secret",
    LOGGING={
        "version": 1,
        "formatters": {"plain": {"format": "{asctime} [{levelname}] {name}: {message}", "style": "{"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
        "loggers": {"django": {"handlers": ["console"], "level": "INFO"}},
    },
)

STATS = {"spring": {"visits": 1200, "signups": 84}, "winter": {"visits": 0, "signups": 0}}


def campaign(request, name):
    s = STATS[name]
    return JsonResponse({"campaign": name, "rate": round(100 * s["signups"] / s["visits"], 2)})


urlpatterns = [path("campaigns/<slug:name>", campaign)]

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
