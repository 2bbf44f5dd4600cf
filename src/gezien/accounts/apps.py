from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "gezien.accounts"
    verbose_name = "Accounts and the vault"

    def ready(self) -> None:
        from gezien.accounts import export as account_export
        from gezien.accounts import second_factor
        from gezien.accounts.models import TotpDevice
        from gezien.core import export
        from gezien.vault import rotation

        export.register("account", account_export.account_section)
        # The authenticator secret is sealed with the data key, outside SealedRecord.
        rotation.register(
            TotpDevice,
            "sealed_secret",
            owner="account",
            aad=lambda device: second_factor.aad(device.account_id, device.id),
        )
