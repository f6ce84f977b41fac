from django.conf import settings
from django.http import HttpResponse
from django.urls import path, reverse

settings.configure(ROOT_URLCONF=__name__, SECRET_KEY="dev-only-not-secret")


def room_detail(request, pk):
    return HttpResponse(str(pk))


urlpatterns = [path("rooms/<int:pk>/", room_detail, name="room_detail")]

print(reverse("room-detail", args=[3]))
