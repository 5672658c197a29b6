"""A mail backend whose server is down, for the tests that check nothing is lost."""

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server is down for safeguarding-unit@example.invalid")
