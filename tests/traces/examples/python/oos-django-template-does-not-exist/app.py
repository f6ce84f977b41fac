import sys
from pathlib import Path

from django.conf import settings
from django.shortcuts import render
from django.urls import path

BASE = Path(__file__).resolve().parent
settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="dev-only-not-secret",
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [BASE / "templates"]}],
    LOGGING={"version": 1, "handlers": {"console": {"class": "logging.StreamHandler"}},
             "loggers": {"django": {"handlers": ["console"], "level": "INFO"}}},
)


def home(request):
    return render(request, "home.html", {"rooms": 12})


urlpatterns = [path("", home)]

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
