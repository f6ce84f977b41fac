import os

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "crm"),
        "USER": os.environ.get("DB_USER", "crm")
        "HOST": os.environ.get("DB_HOST", "localhost"),
        "PORT": 5432,
    }
}

CACHE_TTL = 300
