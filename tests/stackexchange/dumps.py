"""Small Stack Exchange dumps written by hand (or generated) into a directory, for tests."""

from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import quoteattr


def _rows(root: str, rows: list[dict]) -> str:
    lines = ['\ufeff<?xml version="1.0" encoding="utf-8"?>', f"<{root}>"]
    for row in rows:
        attributes = " ".join(f"{key}={quoteattr(str(value))}" for key, value in row.items())
        lines.append(f"  <row {attributes} />")
    lines.append(f"</{root}>")
    return "\n".join(lines) + "\n"


def write_dump(directory: Path, *, users, posts, tags=(), votes=(), comments=()) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    files = {
        "Users.xml": ("users", users),
        "Posts.xml": ("posts", posts),
        "Tags.xml": ("tags", tags),
        "Votes.xml": ("votes", votes),
        "Comments.xml": ("comments", comments),
    }
    for name, (root, rows) in files.items():
        (directory / name).write_text(_rows(root, list(rows)), encoding="utf-8")
    return directory


def stamp(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]


def tiny_dump(directory: Path) -> Path:
    """Three questions, four answers, an accepted answer, votes, both tag spellings, a deleted
    author, an answer before its question, and three broken post rows and one broken vote."""
    users = [
        {"Id": -1, "DisplayName": "Community", "CreationDate": "2014-01-01T00:00:00.000"},
        {"Id": 1, "DisplayName": "Alice Ale", "CreationDate": "2014-01-02T10:00:00.000"},
        {"Id": 2, "DisplayName": "Bob Bitter", "CreationDate": "2014-01-03T10:00:00.000"},
        {"Id": 3, "DisplayName": "Carol Cask", "CreationDate": "2014-01-04T10:00:00.000"},
        {"Id": 4, "CreationDate": "not a date"},
    ]
    q = {"PostTypeId": 1, "ContentLicense": "CC BY-SA 3.0"}
    a = {"PostTypeId": 2, "ContentLicense": "CC BY-SA 4.0"}
    posts = [
        {
            **a,
            "Id": 17,
            "ParentId": 18,
            "CreationDate": "2020-02-02T09:00:00.000",
            "OwnerUserId": 1,
            "Body": "<p>Early answer.</p>",
        },
        {
            **q,
            "Id": 10,
            "CreationDate": "2020-01-01T12:30:00.000",
            "OwnerUserId": 1,
            "AcceptedAnswerId": 11,
            "Title": "What are citra hops?",
            "Tags": "<hops><Pale Ale>",
            "Body": "<p>Tell me <b>about</b> citra.</p><script>alert('x')</script>",
            "LastActivityDate": "2020-01-05T08:00:00.000",
        },
        {
            **a,
            "Id": 11,
            "ParentId": 10,
            "CreationDate": "2020-01-02T08:00:00.000",
            "OwnerUserId": 2,
            "Body": "<p>A <em>hop</em> variety. See <a href='https://x.org'>this</a>.</p>",
        },
        {
            **a,
            "Id": 12,
            "ParentId": 10,
            "CreationDate": "2020-01-03T08:00:00.000",
            "OwnerUserId": 3,
            "Body": "<p>Citrusy hops.</p>",
        },
        {
            **q,
            "Id": 13,
            "CreationDate": "2020-01-10T12:00:00.000",
            "OwnerUserId": 2,
            "Title": "Is beer vegan?",
            "Tags": "|beer|hops|",
            "Body": "<p>Asking for a friend.</p>",
        },
        {
            **a,
            "Id": 14,
            "ParentId": 13,
            "CreationDate": "2020-01-11T12:00:00.000",
            "OwnerDisplayName": "Ghost Brewer",
            "Body": "<p>Mostly.</p>",
        },
        {
            **a,
            "Id": 15,
            "ParentId": 999,
            "CreationDate": "2020-01-12T12:00:00.000",
            "OwnerUserId": 3,
            "Body": "<p>Lost answer.</p>",
        },
        {
            **q,
            "Id": 16,
            "CreationDate": "2020-01-13T12:00:00.000",
            "OwnerUserId": 3,
            "Title": "",
            "Body": "<p>No title.</p>",
        },
        {**q, "Id": 19, "OwnerUserId": 3, "Title": "No date", "Body": "<p>x</p>"},
        {"Id": 20, "PostTypeId": 4, "CreationDate": "2020-01-01T00:00:00.000", "Body": "wiki"},
        {
            **q,
            "Id": 18,
            "CreationDate": "2020-02-01T09:00:00.000",
            "OwnerUserId": 3,
            "Title": "Best glass for stout?",
            "Tags": "<glassware>",
            "Body": "<p>Which?</p>",
        },
    ]
    tags = [
        {"Id": 1, "TagName": "hops", "Count": 2},
        {"Id": 2, "TagName": "beer", "Count": 1},
        {"Id": 3, "TagName": "history", "Count": 0},
    ]
    day = "2020-01-04T00:00:00.000"
    votes = (
        [{"Id": n, "PostId": 10, "VoteTypeId": 2, "CreationDate": day} for n in range(1, 4)]
        + [{"Id": 4, "PostId": 10, "VoteTypeId": 3, "CreationDate": day}]
        + [{"Id": n, "PostId": 11, "VoteTypeId": 2, "CreationDate": day} for n in (5, 6)]
        + [{"Id": 7, "PostId": 11, "VoteTypeId": 1, "CreationDate": "2020-01-05T00:00:00.000"}]
        + [{"Id": 8, "PostId": 12, "VoteTypeId": 3, "CreationDate": day}]
        + [{"Id": 9, "PostId": 12, "VoteTypeId": 5, "CreationDate": day, "UserId": 1}]
        + [{"Id": 10, "VoteTypeId": 2, "CreationDate": day}]
    )
    comments = [
        {"Id": 1, "PostId": 10, "Text": "Nice.", "CreationDate": day, "UserId": 2},
        {"Id": 2, "PostId": 11, "Text": "Thanks.", "CreationDate": day, "UserId": 1},
    ]
    return write_dump(
        directory, users=users, posts=posts, tags=tags, votes=votes, comments=comments
    )


def specialist_dump(
    directory: Path, *, start: datetime, questions: int = 60, open_last: bool = False
) -> Path:
    """A site where each topic has its own specialist who answers every question on it, a few
    days apart, and an asker who never answers: routing by topic should be perfect. Every
    other answer gets an upvote the next day. With `open_last`, the last question is left
    unanswered (to compare rankings made when it is asked)."""
    topics = ["hops", "cider", "whisky"]
    words = {
        "hops": "bitter citra cascade",
        "cider": "apple orchard pressing",
        "whisky": "peat cask malt",
    }
    users = [
        {"Id": n, "DisplayName": f"User {n}", "CreationDate": stamp(start)} for n in range(1, 5)
    ]
    posts, votes = [], []
    for n in range(questions):
        topic = topics[n % 3]
        at = start + timedelta(days=2 * n)
        question_id, answer_id = 1000 + 2 * n, 1001 + 2 * n
        specialist = 1 + topics.index(topic)
        posts.append(
            {
                "Id": question_id,
                "PostTypeId": 1,
                "CreationDate": stamp(at),
                "OwnerUserId": 4,
                "Title": f"Question {n} about {words[topic]}",
                "Tags": f"<{topic}>",
                "Body": f"<p>{words[topic]}?</p>",
                "AcceptedAnswerId": answer_id,
            }
        )
        posts.append(
            {
                "Id": answer_id,
                "PostTypeId": 2,
                "ParentId": question_id,
                "CreationDate": stamp(at + timedelta(hours=3)),
                "OwnerUserId": specialist,
                "Body": f"<p>About {words[topic]}.</p>",
            }
        )
        votes.append(
            {
                "Id": n,
                "PostId": answer_id,
                "VoteTypeId": 1,
                "CreationDate": stamp((at + timedelta(days=1)).replace(hour=0, minute=0)),
            }
        )
    return write_dump(directory, users=users, posts=posts, votes=votes)
