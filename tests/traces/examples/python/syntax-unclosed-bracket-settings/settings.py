DEBUG = False
INSTALLED_APPS = [
    "crm.contacts",
    "crm.billing",

TIME_ZONE = "Europe/Lisbon"
