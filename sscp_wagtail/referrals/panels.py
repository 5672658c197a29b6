from wagtail.contrib.forms.panels import FormSubmissionsPanel

from .permissions import can_read_referrals


class ReferralSubmissionsPanel(FormSubmissionsPanel):
    """The count and link to the referrals, shown in the page editor to the Safeguarding Unit only."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return can_read_referrals(self.request.user) and super().is_shown()
