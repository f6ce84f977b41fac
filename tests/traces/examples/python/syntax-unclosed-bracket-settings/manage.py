import settings

print(len(settings.INSTALLED_APPS), "apps")
