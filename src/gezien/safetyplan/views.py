"""The safety plan. Without an account nothing is stored: the plan travels in the form, and
the POST renders the printable page or the text file. With an account the plan is sealed
with the person's key, one per account, and has no id in any address: it is simply "mine"."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from gezien.accounts.decorators import AccountRequest, account_required
from gezien.safetyplan.forms import SafetyPlanForm
from gezien.safetyplan.models import SafetyPlan
from gezien.safetyplan.plan import EMERGENCY, STEPS, Plan, as_text, prefilled
from gezien.vault import person
from gezien.vault.records import save_only


def _form(request: HttpRequest, form: SafetyPlanForm, status: int = 200) -> HttpResponse:
    return render(request, "safetyplan/form.html", {"form": form}, status=status)


def _show(request: HttpRequest, plan: Plan, saved: bool) -> HttpResponse:
    steps = []
    for step in STEPS:
        entries = plan.get(step.id, [])
        # Empty lines print as lines to write on by hand.
        steps.append((step, entries, range(max(step.lines - len(entries), 0))))
    # The form with the plan in hidden fields lets a person without an account change or
    # download the plan without anything being stored.
    context = {
        "steps": steps,
        "saved": saved,
        "form": SafetyPlanForm(plan=plan),
        "emergency": EMERGENCY,
    }
    return render(request, "safetyplan/plan.html", context)


def _stored(request: AccountRequest) -> SafetyPlan | None:
    return SafetyPlan.objects.filter(owner=request.user).first()


@account_required
def _mine(request: AccountRequest) -> HttpResponse:
    record = _stored(request)
    if record is None:
        return _form(request, SafetyPlanForm(plan=prefilled()))
    return _show(request, record.open_content(person.of(request).data_key)["steps"], saved=True)


@account_required
def _save(request: AccountRequest, plan: Plan) -> HttpResponse:
    save_only(SafetyPlan, request.user, person.of(request).data_key, {"steps": plan})
    messages.success(request, _("Your safety plan is saved."))
    return redirect("safetyplan:plan")


def _download(plan: Plan) -> HttpResponse:
    response = HttpResponse(as_text(plan), content_type="text/plain; charset=utf-8")
    # A neutral name: a file called "safety plan" could worry someone who sees it.
    response["Content-Disposition"] = 'attachment; filename="plan.txt"'
    return response


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        if request.user.is_authenticated:
            return _mine(request)
        return _form(request, SafetyPlanForm(plan=prefilled()))
    form = SafetyPlanForm(request.POST)
    if not form.is_valid():
        return _form(request, form, status=400)
    action, filled = form.cleaned_data["action"], form.plan()
    if action == "save":
        return _save(request, filled)
    if action == "download":
        return _download(filled)
    if action == "edit":
        return _form(request, SafetyPlanForm(plan=filled))
    return _show(request, filled, saved=False)


@require_http_methods(["GET"])
@account_required
def edit(request: AccountRequest) -> HttpResponse:
    record = _stored(request)
    stored = record.open_content(person.of(request).data_key)["steps"] if record else prefilled()
    return _form(request, SafetyPlanForm(plan=stored))


@require_http_methods(["GET", "POST"])
@account_required
def delete(request: AccountRequest) -> HttpResponse:
    record = _stored(request)
    if record is None:
        return redirect("safetyplan:plan")
    if request.method == "POST":
        record.delete()
        messages.success(request, _("Your safety plan is deleted."))
        return redirect("safetyplan:plan")
    return render(request, "safetyplan/delete.html")
