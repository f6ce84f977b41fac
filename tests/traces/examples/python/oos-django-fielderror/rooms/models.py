from django.db import models


class Room(models.Model):
    name = models.CharField(max_length=100)
    beds = models.IntegerField(default=1)

    class Meta:
        app_label = "rooms"
