"""Two-factor sign-in for the Wagtail admin, on django-otp's time-based codes (TOTP).

With ``SSCP_ADMIN_2FA_REQUIRED`` on (the production default), everyone who can
use the admin must, after their password, enter a six-digit code from an
authenticator app. The first time, they are taken to set one up: a QR code (and
the key as text, for those who cannot scan) and a code to prove it works. Until
they have done so, every other admin address sends them back there.

A lost phone: an operator runs ``manage.py reset_two_factor USERNAME`` and the
person sets up a new app at their next sign-in (see docs/deployment.md).
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable

import django_otp
from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

# Admin views a signed-in user may reach before the second step: signing in and
# out, the two-factor views themselves and the admin's static helpers.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "sscp_2fa_verify",
    "sscp_2fa_setup",
}


def is_admin_user(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin"))


def next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


class AdminTwoFactorMiddleware:
    """After django-otp's OTPMiddleware. Applies to admin addresses only; the
    public site never loads the user for this."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect = self.required_step(request)
        return redirect or self.get_response(request)

    def required_step(self, request: HttpRequest) -> HttpResponse | None:
        if not settings.SSCP_ADMIN_2FA_REQUIRED:
            return None
        if not request.path_info.startswith(tuple(settings.SSCP_ADMIN_PATH_PREFIXES)):
            return None
        user = request.user
        if not is_admin_user(user) or user.is_verified():
            return None
        match = request.resolver_match or _resolve(request.path_info)
        if match is not None and match.url_name in OPEN_URL_NAMES:
            return None
        step = "sscp_2fa_verify" if django_otp.user_has_device(user) else "sscp_2fa_setup"
        return redirect_to_login(request.get_full_path(), login_url=reverse(step))


def _resolve(path_info: str):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path_info)
    except Resolver404:
        return None


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Six-digit code from your authenticator app",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, device_check: Callable[[str], object | None], **kwargs):
        super().__init__(*args, **kwargs)
        self.device_check = device_check
        self.device = None

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        self.device = self.device_check(token)
        if self.device is None:
            raise forms.ValidationError(WRONG_CODE)
        return token


WRONG_CODE = (
    "That code is not right, or came too soon after a wrong one. Wait for the next code in your app and enter it."
)


class TwoFactorView(WagtailAdminTemplateMixin, FormView):
    template_name = "sscp_production/two_factor.html"
    form_class = TokenForm
    header_icon = "key"
    breadcrumbs_items = []

    def dispatch(self, request, *args, **kwargs):
        if not is_admin_user(request.user):
            return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=next_url(self.request), **kwargs)

    def form_valid(self, form):
        django_otp.login(self.request, form.device)
        return HttpResponseRedirect(next_url(self.request))


class VerifyView(TwoFactorView):
    page_title = "Enter your sign-in code"

    def get_form_kwargs(self):
        user = self.request.user
        devices = list(django_otp.devices_for_user(user))
        return {
            **super().get_form_kwargs(),
            "device_check": lambda token: next(
                (d for d in devices if django_otp.verify_token(user, d.persistent_id, token)), None
            ),
        }


class SetupView(TwoFactorView):
    page_title = "Set up two-factor sign-in"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and django_otp.user_has_device(request.user):
            # Replacing a device needs a reset by an administrator, never a signed-in session alone.
            return HttpResponseRedirect(reverse("sscp_2fa_verify") + f"?next={next_url(request)}")
        return super().dispatch(request, *args, **kwargs)

    def device(self) -> TOTPDevice:
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=self.request.user, name=settings.WAGTAIL_SITE_NAME[:64], confirmed=False
            )
        return device

    def get_form_kwargs(self):
        device = self.device()

        def confirm(token: str):
            if device.verify_token(token):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                return device
            return None

        return {**super().get_form_kwargs(), "device_check": confirm}

    def get_context_data(self, **kwargs):
        device = self.device()
        secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
        return super().get_context_data(
            setup=True,
            qr_code_svg=qr_code_svg(device.config_url),
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            **kwargs,
        )


def qr_code_svg(data: str) -> str:
    import qrcode
    import qrcode.image.svg

    out = io.BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage).save(out)
    svg = out.getvalue().decode("utf-8")
    return svg[svg.index("<svg") :]


def admin_urls():
    return [
        path("two-factor/verify/", VerifyView.as_view(), name="sscp_2fa_verify"),
        path("two-factor/setup/", SetupView.as_view(), name="sscp_2fa_setup"),
    ]
