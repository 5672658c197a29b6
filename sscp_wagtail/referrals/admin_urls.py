from django.urls import path

from . import views

app_name = "sscp_referrals"
urlpatterns = [
    path("", views.referral_forms_index, name="index"),
    path("attachments/<int:attachment_id>/", views.download_attachment, name="attachment"),
]
