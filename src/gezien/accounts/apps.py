from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "gezien.accounts"
    verbose_name = "Accounts and the vault"

    def ready(self) -> None:
        from gezien.accounts import export as account_export
        from gezien.core import export

        export.register("account", account_export.account_section)
