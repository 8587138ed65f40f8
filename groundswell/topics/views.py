"""Topic pages: the directory and one topic's threads."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from groundswell.threads.selectors import is_following, thread_list
from groundswell.threads.views.actions import follow_toggle
from groundswell.topics import selectors


def topic_list(request):
    query = request.GET.get("q", "").strip()[:50]
    topics = selectors.topic_list(request.user, query=query, page=request.GET.get("page"))
    return render(request, "topics/topic_list.html", {"topics": topics, "query": query})


def topic_detail(request, name: str):
    topic = selectors.topic_get_visible(request.user, name)
    return render(
        request,
        "topics/topic_detail.html",
        {
            "topic": topic,
            "threads": thread_list(request.user, topic=topic, page=request.GET.get("page")),
            "following": is_following(request.user, kind="topic", target=topic),
        },
    )


@require_POST
def topic_follow(request, name: str):
    topic = selectors.topic_get_visible(request.user, name)
    return follow_toggle(
        request,
        kind="topic",
        target=topic,
        label=f"#{topic.name}",
        url=reverse("topics:follow", args=[topic.name]),
        redirect_to=topic,
    )
