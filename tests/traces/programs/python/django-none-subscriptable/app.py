"""A one-file Django project: `python app.py runserver` serves the invoice PDF metadata API."""
import sys

from django.conf import settings
from django.http import JsonResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="dev-only-4c1f0e",
    LOGGING={
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "{asctime} [{levelname}] {name}: {message}", "style": "{"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
        "loggers": {"django": {"handlers": ["console"], "level": "INFO"}},
    },
)

INVOICES = {
    "INV-2031": {"customer": "Nordwind GmbH", "total": "1290.00", "pdf": {"pages": 3}},
    "INV-2032": {"customer": "Café Lumen", "total": "86.40", "pdf": None},
}


def invoice_meta(request, number):
    invoice = INVOICES.get(number)
    return JsonResponse({"number": number, "pages": invoice["pdf"]["pages"]})


urlpatterns = [path("invoices/<str:number>/meta", invoice_meta)]

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
