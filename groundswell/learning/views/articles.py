"""Pages: write an article, read one (with comments and helpful marks), publish, a blog."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from groundswell.learning.articles import selectors, services
from groundswell.learning.forms import ArticleForm
from groundswell.moderation.selectors import moderation_controls
from groundswell.spaces.selectors import space_get
from groundswell.threads.forms import ReplyForm
from groundswell.threads.selectors import reply_get
from groundswell.web.pages import form_view


@form_view("learning/article_form.html")
def article_new(request, page, slug: str):
    space = space_get(request.user, slug)  # the service decides who may write here
    page.form = ArticleForm(request.POST or None)
    page.context["space"] = space
    if page.form.is_valid():
        data = page.form.cleaned_data
        article = services.article_create(
            author=request.user,
            space=space,
            title=data["title"],
            body=data["body"],
            publish=data["publish"],
        )
        messages.success(request, "Published." if data["publish"] else "Draft saved.")
        return redirect("learning:article", article.pk)
    return page


def article_detail(request, article_id: int):
    view = selectors.article_page(request.user, article_id, page=request.GET.get("page"))
    return render(
        request,
        "learning/article_detail.html",
        {
            "view": view,
            "article": view.article,
            "reply_form": ReplyForm(),
            # Flag and moderator buttons (booleans per post), and the viewer's hidden comments.
            "controls": moderation_controls(request.user, view.article, view.comments.items),
        },
    )


@require_POST
def article_publish(request, article_id: int):
    article = selectors.article_get(request.user, article_id)
    services.article_publish(author=request.user, article=article)
    messages.success(request, "Your article is published.")
    return redirect("learning:article", article.pk)


@require_POST
def article_helpful(request, article_id: int):
    article = selectors.article_get(request.user, article_id)
    marked = services.helpful_toggle(person=request.user, thread=article)
    messages.success(request, "Marked helpful." if marked else "Helpful mark removed.")
    return redirect("learning:article", article.pk)


@require_POST
def comment_helpful(request, reply_id: int):
    reply = reply_get(request.user, reply_id)
    services.helpful_toggle(person=request.user, reply=reply)
    return redirect("learning:article", reply.thread_id)


def blog(request, username: str):
    author, articles = selectors.blog(request.user, username, page=request.GET.get("page"))
    return render(request, "learning/blog.html", {"author": author, "articles": articles})
