"""Account pages. Logic lives in services, sessions and second_factor; views only connect
forms to it."""

from __future__ import annotations

import base64
import json
import logging
import time
import uuid
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlencode

from django.contrib import messages
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from gezien.accounts import forms, second_factor, services, sessions, throttle
from gezien.accounts.decorators import (
    PENDING_RECOVERY,
    AccountRequest,
    account_required,
    recent_passphrase_required,
)
from gezien.accounts.models import Account, SessionRecord
from gezien.core import export
from gezien.core.leaving import forget_this_device
from gezien.core.redirects import same_site_path
from gezien.vault import crypto, person
from gezien.vault import session as vault_session

log = logging.getLogger("gezien.accounts")
T = TypeVar("T")

PENDING_SECOND_STEP = "second_step_for"
SECOND_STEP_SECONDS = 5 * 60
PENDING_TOTP = "totp_pending"
sensitive = sensitive_post_parameters(
    "passphrase", "new_passphrase", "current_passphrase", "recovery_code", "code", "last_part"
)


def _safe_next(request: HttpRequest, default: str) -> str:
    return same_site_path(request.POST.get("next") or request.GET.get("next") or "") or default


def _guess(
    request: HttpRequest,
    form: BaseForm,
    username: str,
    attempt: Callable[[], T],
    wrong: tuple[str | None, str],
    event: str,
) -> T | None:
    """Run one guess at a secret under the throttle: its place is taken before any work, so
    parallel guesses cannot slip past the limit. Returns what `attempt` returned when it
    succeeded; otherwise None, with the reason added to the form."""
    try:
        place = throttle.reserve(throttle.guessing(username, services.client_address(request)))
    except throttle.Refused as refused:
        wait = _("Too many attempts. Wait %(n)d seconds and try again.")
        form.add_error(None, wait % {"n": refused.seconds})
        return None
    result = attempt()
    if not result:
        log.info("%s failed", event)
        form.add_error(*wrong)
        return None
    place.release(forget_first=True)
    return result


def _seal_in_session(
    request: HttpRequest, name: str, account_id: object, value: str, key: bytes
) -> None:
    sealed = crypto.seal(key, value.encode(), crypto.wrap_aad(account_id, name))
    request.session[name] = base64.b64encode(sealed).decode()


def _open_from_session(
    request: HttpRequest, name: str, account_id: object, key: bytes
) -> str | None:
    sealed = request.session.get(name)
    if not sealed:
        return None
    try:
        return crypto.open_sealed(
            key, base64.b64decode(sealed), crypto.wrap_aad(account_id, name)
        ).decode()
    except (ValueError, crypto.VaultError):
        return None


@sensitive
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = forms.SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Every sign-up counts per client, also one that finds the name taken: otherwise
        # anyone could test quickly whether a particular person has an account.
        try:
            throttle.reserve(throttle.signing_up(services.client_address(request)))
        except throttle.Refused as refused:
            wait = _(
                "You tried many usernames in a short time. Wait %(n)d seconds and try again. "
                "A less common name, such as two words and a number, is more likely to be free."
            )
            form.add_error(None, wait % {"n": refused.seconds})
        else:
            try:
                unlocked, code = services.create_account(
                    form.cleaned_data["username"], form.cleaned_data["new_passphrase"]
                )
            except services.TakenError:
                form.add_error(
                    "username",
                    _(
                        "This username is taken, or looks too much like one that is. Choose "
                        "another one."
                    ),
                )
            else:
                sessions.start(request, unlocked)
                _seal_in_session(
                    request, PENDING_RECOVERY, unlocked.account.pk, code, unlocked.data_key
                )
                return redirect("accounts:recovery-code")
    return render(request, "accounts/signup.html", {"form": form})


@sensitive
@account_required
def recovery_code(request: AccountRequest) -> HttpResponse:
    code = _open_from_session(
        request, PENDING_RECOVERY, request.user.pk, person.of(request).data_key
    )
    if code is None:
        return redirect("accounts:home")
    form = forms.ConfirmRecoveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        typed = "".join(c for c in form.cleaned_data["last_part"].upper() if c.isalnum())
        if typed and typed == code.replace("-", "")[-8:]:
            del request.session[PENDING_RECOVERY]
            messages.success(request, _("Your recovery code is saved. Your account is ready."))
            return redirect("accounts:home")
        form.add_error(
            "last_part",
            _("These characters do not match the end of your code. Look again at the code above."),
        )
    return render(request, "accounts/recovery_code.html", {"form": form, "code": code})


@account_required
def recovery_download(request: AccountRequest) -> HttpResponse:
    code = _open_from_session(
        request, PENDING_RECOVERY, request.user.pk, person.of(request).data_key
    )
    if code is None:
        raise Http404
    text = _(
        "Recovery code for Gezien, account %(username)s:\n\n%(code)s\n\nKeep it somewhere safe. "
        "With this code you can set a new passphrase. It works once; then you get a new one.\n"
    ) % {"username": request.user.username, "code": code}
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="code.txt"'
    return response


@sensitive
def login(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return HttpResponseRedirect(_safe_next(request, reverse("accounts:home")))
    form = forms.LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unlocked = _guess(
            request,
            form,
            form.cleaned_data["username"],
            lambda: services.authenticate(
                form.cleaned_data["username"], form.cleaned_data["passphrase"]
            ),
            (None, _("The username or passphrase is not right.")),
            "login",
        )
        if unlocked:
            if second_factor.is_enabled(unlocked.account):
                request.session.cycle_key()
                request.session[PENDING_SECOND_STEP] = str(unlocked.account.pk)
                request.session[PENDING_SECOND_STEP + "_at"] = time.time()
                vault_session.unlock(request, unlocked.account.pk, unlocked.data_key)
                query = urlencode({"next": _safe_next(request, "")})
                return HttpResponseRedirect(f"{reverse('accounts:second-step')}?{query}")
            sessions.start(request, unlocked)
            return HttpResponseRedirect(_safe_next(request, reverse("accounts:home")))
    return render(
        request,
        "accounts/login.html",
        {
            "form": form,
            "expired": request.GET.get("verlopen") == "1",
            "next": _safe_next(request, ""),
        },
    )


@sensitive
def second_step(request: HttpRequest) -> HttpResponse:
    account_id = request.session.get(PENDING_SECOND_STEP)
    started = request.session.get(PENDING_SECOND_STEP + "_at", 0)
    account = Account.objects.filter(pk=account_id).first() if account_id else None
    if account is None or time.time() - started > SECOND_STEP_SECONDS:
        vault_session.lock(request)
        request.session.pop(PENDING_SECOND_STEP, None)
        return redirect("accounts:login")
    form = forms.SecondStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            data_key = vault_session.data_key(request)
        except vault_session.Locked:
            return redirect("accounts:login")
        if _guess(
            request,
            form,
            account.username,
            lambda: second_factor.verify(account, data_key, form.cleaned_data["code"]),
            ("code", _("This code is not right, or was used already.")),
            "second step",
        ):
            del request.session[PENDING_SECOND_STEP]
            sessions.start(request, services.Unlocked(account, data_key))
            return HttpResponseRedirect(_safe_next(request, reverse("accounts:home")))
    return render(
        request, "accounts/second_step.html", {"form": form, "next": _safe_next(request, "")}
    )


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    sessions.end(request)
    return forget_this_device(request, redirect("home"))


@account_required
def home(request: AccountRequest) -> HttpResponse:
    return render(
        request,
        "accounts/home.html",
        {
            "second_step": second_factor.is_enabled(request.user),
            "session_count": request.user.sessions.count(),
        },
    )


@sensitive
@account_required
def change_passphrase(request: AccountRequest) -> HttpResponse:
    form = forms.ChangePassphraseForm(request.POST or None, username=request.user.username)
    if (
        request.method == "POST"
        and form.is_valid()
        and _guess(
            request,
            form,
            request.user.username,
            lambda: services.change_passphrase(
                request.user,
                form.cleaned_data["current_passphrase"],
                form.cleaned_data["new_passphrase"],
            ),
            ("current_passphrase", _("Your current passphrase is not right.")),
            "passphrase change",
        )
    ):
        # Keep this browser logged in; every other session ends (a changed passphrase must
        # lock out whoever may have known the old one).
        sessions.keep_after_passphrase_change(request)
        sessions.end_others(request.user, request.session.session_key)
        sessions.passphrase_entered(request)
        messages.success(
            request,
            _(
                "Your passphrase is changed and you are logged out everywhere else. Your data "
                "stayed as it was."
            ),
        )
        return redirect("accounts:home")
    return render(request, "accounts/change_passphrase.html", {"form": form})


@sensitive
def reset(request: HttpRequest) -> HttpResponse:
    form = forms.ResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = _guess(
            request,
            form,
            form.cleaned_data["username"],
            lambda: services.reset_with_recovery_code(
                form.cleaned_data["username"],
                form.cleaned_data["recovery_code"],
                form.cleaned_data["new_passphrase"],
                form.cleaned_data["second_step_code"],
            ),
            (None, _("The username, recovery code or authenticator code is not right.")),
            "reset",
        )
        if result:
            unlocked, new_code = result
            # Whoever knew the old passphrase is logged out everywhere.
            sessions.end_others(unlocked.account, None)
            sessions.start(request, unlocked)
            _seal_in_session(
                request, PENDING_RECOVERY, unlocked.account.pk, new_code, unlocked.data_key
            )
            messages.success(
                request,
                _(
                    "Your new passphrase works. You were logged out everywhere else. Below is your "
                    "new recovery code; the old one no longer works."
                ),
            )
            return redirect("accounts:recovery-code")
    return render(request, "accounts/reset.html", {"form": form})


@account_required
def session_list(request: AccountRequest) -> HttpResponse:
    return render(
        request,
        "accounts/sessions.html",
        {"records": request.user.sessions.all(), "current": request.session.session_key},
    )


@require_POST
@account_required
def end_session(request: AccountRequest, pk: uuid.UUID) -> HttpResponse:
    try:
        record = SessionRecord.objects.get(pk=pk, account=request.user)
    except SessionRecord.DoesNotExist:
        raise Http404 from None
    if record.session_key == request.session.session_key:
        sessions.end(request)
        return redirect("home")
    sessions.end_one(record)
    messages.success(request, _("That session has ended."))
    return redirect("accounts:sessions")


@require_POST
@account_required
def end_other_sessions(request: AccountRequest) -> HttpResponse:
    count = sessions.end_others(request.user, request.session.session_key)
    messages.success(
        request, _("You are now logged out everywhere else (%(n)d sessions ended).") % {"n": count}
    )
    return redirect("accounts:sessions")


@sensitive
@account_required
def confirm_passphrase(request: AccountRequest) -> HttpResponse:
    form = forms.PassphraseForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _guess(
            request,
            form,
            request.user.username,
            lambda: request.user.check_password(form.cleaned_data["passphrase"]),
            ("passphrase", _("This passphrase is not right.")),
            "passphrase confirmation",
        )
    ):
        sessions.renew_id(request)
        sessions.passphrase_entered(request)
        return HttpResponseRedirect(_safe_next(request, reverse("accounts:home")))
    return render(
        request, "accounts/confirm_passphrase.html", {"form": form, "next": _safe_next(request, "")}
    )


@sensitive
@account_required
def replace_key(request: AccountRequest) -> HttpResponse:
    """A new data key after a suspected compromise: the passphrase again, then everything is
    sealed anew, the person gets a new recovery code and every other session ends."""
    form = forms.PassphraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        account = request.user

        def use(unlocked: services.Unlocked, code: str) -> None:
            # This browser goes on with the new key; the old one opens nothing any more.
            vault_session.unlock(request, account.pk, unlocked.data_key)
            request.session.pop(PENDING_TOTP, None)
            _seal_in_session(request, PENDING_RECOVERY, account.pk, code, unlocked.data_key)
            sessions.keep_after_passphrase_change(request)
            request.session.save()
            sessions.end_others(account, request.session.session_key)

        try:
            replaced = _guess(
                request,
                form,
                account.username,
                lambda: services.replace_data_key(account, form.cleaned_data["passphrase"], use),
                ("passphrase", _("This passphrase is not right. Nothing was changed.")),
                "data key replacement",
            )
        except services.KeyChanging:
            form.add_error(
                None,
                _(
                    "Your data key was being replaced in another window at the same moment. "
                    "Nothing was changed here; try again."
                ),
            )
            replaced = None
        if replaced:
            sessions.passphrase_entered(request)
            messages.success(
                request,
                _(
                    "Everything you saved is now locked with a new key, and you are logged out "
                    "everywhere else. Below is your new recovery code; the old one no longer works."
                ),
            )
            return redirect("accounts:recovery-code")
    return render(request, "accounts/replace_key.html", {"form": form})


@account_required
def my_data(request: AccountRequest) -> HttpResponse:
    return _my_data_page(request, forms.PassphraseForm(prefix="export"))


def _my_data_page(
    request: HttpRequest, export_form: forms.PassphraseForm, status: int = 200
) -> HttpResponse:
    context = {
        "delete_form": forms.DeleteAccountForm(),
        # Asked on the page itself, so the file comes right after the passphrase check.
        "export_form": None if sessions.passphrase_is_recent(request) else export_form,
    }
    return render(request, "accounts/my_data.html", context, status=status)


@sensitive
@require_POST
@account_required
def export_data(request: AccountRequest) -> HttpResponse:
    """Everything of the account as one JSON file. When the passphrase was entered a while
    ago it comes with the request, and the file follows at once when it is right."""
    if not sessions.passphrase_is_recent(request):
        form = forms.PassphraseForm(request.POST, prefix="export")
        if not (
            form.is_valid()
            and _guess(
                request,
                form,
                request.user.username,
                lambda: request.user.check_password(form.cleaned_data["passphrase"]),
                ("passphrase", _("This passphrase is not right.")),
                "export confirmation",
            )
        ):
            return _my_data_page(request, form, status=400)
        sessions.renew_id(request)
        sessions.passphrase_entered(request)
    data = export.export_all(person.of(request))
    log.info("export id=%s", request.user.pk)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="export-{timezone.localdate().isoformat()}.json"'
    )
    return response


@sensitive
@require_POST
@account_required
def delete_account(request: AccountRequest) -> HttpResponse:
    form = forms.DeleteAccountForm(request.POST)
    if form.is_valid() and _guess(
        request,
        form,
        request.user.username,
        lambda: request.user.check_password(form.cleaned_data["passphrase"]),
        ("passphrase", _("This passphrase is not right. Nothing was deleted.")),
        "account deletion",
    ):
        account = request.user
        sessions.end_others(account, None)
        sessions.end(request)
        account_id = account.pk
        account.delete()
        log.info("account deleted id=%s", account_id)
        return forget_this_device(request, render(request, "accounts/deleted.html"))
    return render(request, "accounts/my_data.html", {"delete_form": form}, status=400)


@account_required
def second_step_settings(request: AccountRequest) -> HttpResponse:
    return render(
        request,
        "accounts/second_step_settings.html",
        {
            "enabled": second_factor.is_enabled(request.user),
            "left": second_factor.backup_codes_left(request.user),
        },
    )


@sensitive
@account_required
@recent_passphrase_required
def second_step_add(request: AccountRequest) -> HttpResponse:
    secret = _open_from_session(request, PENDING_TOTP, request.user.pk, person.of(request).data_key)
    if secret is None or request.method == "GET":
        secret = second_factor.new_secret()
        _seal_in_session(
            request, PENDING_TOTP, request.user.pk, secret, person.of(request).data_key
        )
    form = forms.TotpConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        backup = second_factor.enable(
            request.user, person.of(request).data_key, secret, form.cleaned_data["code"]
        )
        if backup is not None:
            del request.session[PENDING_TOTP]
            return render(request, "accounts/backup_codes.html", {"codes": backup})
        form.add_error(
            "code",
            _(
                "This code is not right. Check that the time on your phone is correct and try the "
                "newest code."
            ),
        )
    return render(
        request,
        "accounts/second_step_add.html",
        {
            "form": form,
            "secret": secret,
            "qr": second_factor.provisioning_svg(secret, request.user.username),
        },
    )


@require_POST
@account_required
@recent_passphrase_required
def second_step_remove(request: AccountRequest) -> HttpResponse:
    second_factor.disable(request.user)
    messages.success(
        request, _("The second step is removed. You now log in with your passphrase only.")
    )
    return redirect("accounts:sessions")


@require_POST
@account_required
def extend(request: AccountRequest) -> HttpResponse:
    sessions.touch(request, force=True)
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    return HttpResponseRedirect(_safe_next(request, reverse("accounts:home")))
