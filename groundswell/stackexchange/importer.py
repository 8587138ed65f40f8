"""`stackexchange_import`: a site's dump into one space, streamed and written in batches.

Decisions (docs/quality.md has the why):
- People: one Person per author, username `se-<id>`, display name from the dump, an unusable
  password (nobody signs in as them); posts of deleted accounts go to one placeholder person.
- Questions become question threads, answers their replies, `AcceptedAnswerId` the accepted
  reply. Tags become topics (normalised; `<a><b>` and `|a|b|` both read).
- Votes in dumps are anonymous, and a Vote row needs a voter (one per voter and post), so no
  Vote rows are made: each post's score is set to its up-votes minus down-votes from Votes.xml,
  and each vote is recorded as a VOTED event without an actor, on its date, for analytics.
- Comments are not imported (they are remarks on posts, not answers), only counted.
- Re-running is safe: `ImportedPost` remembers every post by (site, id); known posts are
  skipped, and scores, accepted answers and counters are set, never added to.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from groundswell.spaces.models import Space, SpaceKind, Visibility
from groundswell.stackexchange import writing
from groundswell.stackexchange.dump import VOTE_ACCEPTED, VOTE_UP, Dump, Problems

BATCH = 500
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"


@dataclass
class ImportSummary:
    site: str
    space: Space | None = None
    space_created: bool = False
    people_created: int = 0
    topics_created: int = 0
    questions: int = 0
    answers: int = 0
    already_imported: int = 0
    accepted: int = 0
    upvotes: int = 0
    downvotes: int = 0
    events: int = 0
    comments_skipped: int = 0
    other_posts_skipped: int = 0
    problems: Problems = field(default_factory=Problems)

    @property
    def bad_rows(self) -> int:
        return self.problems.total


def space_description(site: str) -> str:
    """The imported space's description: where the content comes from and under which licence."""
    return (
        f"Questions and answers imported from the Stack Exchange site {site} "
        f"(https://{site}), by Stack Exchange, Inc. and the contributors of {site}. "
        f"User contributions are licensed under CC BY-SA ({LICENCE_URL}); each post names "
        "its author, links its original and gives its licence version. Bodies were converted "
        "from HTML to Markdown."
    )


def _space(slug: str, site: str, summary: ImportSummary) -> Space:
    space = Space.objects.filter(slug=slug).first()
    if space is None:
        space = Space.objects.create(
            slug=slug,
            name=f"{site} (Stack Exchange)"[:120],
            description=space_description(site),
            kind=SpaceKind.COMMUNITY,
            visibility=Visibility.OPEN,
        )
        summary.space_created = True
    return space


def stackexchange_import(
    *,
    directory,
    space_slug: str,
    site: str | None = None,
    batch: int = BATCH,
    progress: Callable[[str], None] | None = None,
) -> ImportSummary:
    """Import a site's dump directory into the space `space_slug` (created open, as a community,
    when missing). Streams every file; writes `batch` posts per transaction."""
    say = progress or (lambda message: None)
    problems = Problems()
    dump = Dump(directory, problems)
    site = site or dump.site
    summary = ImportSummary(site=site, problems=problems)
    with transaction.atomic():
        summary.space = _space(space_slug, site, summary)
    state = writing.ImportState(site=site, space=summary.space, summary=summary)
    say(f"Reading users of {site}…")
    state.users = {user.id: user for user in dump.read_users()}
    with transaction.atomic():
        summary.topics_created += writing.ensure_topics(state, list(dump.read_tags()))
    say(f"  {len(state.users):,} users; importing posts in batches of {batch}…")
    pending = []
    for post in dump.read_posts():
        pending.append(post)
        if len(pending) >= batch:
            _write_batch(state, pending)
            pending = []
            say(f"  {summary.questions:,} questions, {summary.answers:,} answers so far")
    _write_batch(state, pending)
    with transaction.atomic():
        _write_batch(state, state.orphans, final=True)
    summary.other_posts_skipped = dump.other_posts
    say("Counting votes…")
    votes = _count_votes(dump, state)
    with transaction.atomic():
        writing.finish(state, votes)
    summary.comments_skipped = dump.count_rows("Comments.xml")
    return summary


def _write_batch(state, posts, *, final: bool = False) -> None:
    if not posts:
        return
    with transaction.atomic():
        writing.write_posts(state, posts, final=final)


@dataclass
class VoteTally:
    up: dict = field(default_factory=dict)
    down: dict = field(default_factory=dict)
    accepted_on: dict = field(default_factory=dict)  # answer id → day the asker accepted it


def _count_votes(dump: Dump, state) -> VoteTally:
    """Up and down votes per post and the day each answer was accepted; VOTED events for the
    posts this run imported, written in batches."""
    tally = VoteTally()
    events = []
    for vote in dump.read_votes():
        if vote.kind == VOTE_ACCEPTED:
            tally.accepted_on[vote.post_id] = vote.day
            continue
        counts = tally.up if vote.kind == VOTE_UP else tally.down
        counts[vote.post_id] = counts.get(vote.post_id, 0) + 1
        if vote.post_id in state.new_posts:
            events.append(writing.vote_event(state, vote))
        if len(events) >= 2_000:
            writing.save_events(state, events)
            events = []
    writing.save_events(state, events)
    state.summary.upvotes = sum(tally.up.values())
    state.summary.downvotes = sum(tally.down.values())
    return tally
