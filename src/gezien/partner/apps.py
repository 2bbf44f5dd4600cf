from django.apps import AppConfig


class PartnerConfig(AppConfig):
    name = "gezien.partner"
    verbose_name = "For my partner, and talking together"

    def ready(self) -> None:
        from gezien.core import export, summary
        from gezien.partner import checkin, letter
        from gezien.partner import export as partner_export
        from gezien.partner.models import CheckinNote, PartnerLetter

        # A broken data file (or a library page that does not exist) must stop start-up.
        letter.letter()
        checkin.conversation()
        export.register("partner", partner_export.section, covers=[PartnerLetter, CheckinNote])
        summary.register("partner", letter.section, order=10, audience=summary.PARTNER)
