"""Notification pages: the list, opening one (which marks it read), marking read, the header
badge, email settings, and the unsubscribe page that emails link to."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import trigger_client_event

from groundswell.notifications import selectors, services
from groundswell.notifications.forms import PreferenceForm
from groundswell.web.htmx import partial_or_redirect
from groundswell.web.pages import form_view

# htmx event the header badge listens to, so it refreshes as soon as something is read.
CHANGED = "notifications-changed"


def notification_list(request):
    page = selectors.notification_list(request.user, page=request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"notifications": page})


@require_GET
def notification_open(request, notification_id: int):
    """Follow a notification: it is marked read and the browser goes to what it is about."""
    notification = selectors.notification_get(request.user, notification_id)
    services.notification_mark_read(person=request.user, notification=notification)
    return redirect(notification.target_url)


@require_POST
def notification_read(request, notification_id: int):
    notification = selectors.notification_get(request.user, notification_id)
    services.notification_mark_read(person=request.user, notification=notification)
    response = partial_or_redirect(
        request,
        template="notifications/_notification.html",
        context={"notification": notification},
        redirect_to="notifications:list",
        announce="Marked as read.",
    )
    return trigger_client_event(response, CHANGED)


@require_POST
def notifications_read_all(request):
    count = services.notifications_mark_all_read(person=request.user)
    messages.success(request, "All caught up." if count else "Nothing was unread.")
    return redirect("notifications:list")


def unread_badge(request):
    """The unread count for the header (htmx loads it, then polls every 60 s)."""
    return render(
        request, "notifications/_badge.html", {"unread": selectors.unread_count(request.user)}
    )


@form_view("notifications/settings.html")
def preference_edit(request, page):
    preference = selectors.preference_get(request.user)
    page.form = PreferenceForm(
        request.POST if request.method == "POST" else None, initial={"email": preference.email}
    )
    if page.form.is_valid():
        services.preference_set(person=request.user, email=page.form.cleaned_data["email"])
        messages.success(request, "Your email settings are saved.")
        return redirect("notifications:settings")
    return page


# The token in the address is the credential: no session, so no CSRF token either. Mail
# programs POST here themselves for one-click unsubscribe (RFC 8058, List-Unsubscribe-Post).
@login_not_required
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET asks for confirmation (link scanners must not unsubscribe anyone); POST stops
    notification emails."""
    if request.method == "POST":
        person = services.unsubscribe(token=token)
        done = True
    else:
        person = selectors.unsubscribe_person(token)
        done = False
    return render(
        request,
        "notifications/unsubscribe.html",
        {"recipient": person, "done": done, "token": token},
    )
