"""Who may do what in formal learning. Used by services, views and templates alike."""

from groundswell.spaces.permissions import can_post_in_space, can_view_space


def can_manage_learning(person) -> bool:
    """Learning & development staff (and administrators) run the catalogue; `None` is the
    operator at the command line."""
    return person is None or bool(person.is_active and (person.is_staff or person.is_superuser))


def can_view_cohort(person, cohort) -> bool:
    """A cohort's directory, feed and events are its members' own."""
    return can_view_space(person, cohort.space)


def can_write_wiki(person, space) -> bool:
    """Anyone who may post in a space may start and edit its wiki pages."""
    return can_post_in_space(person, space)


def can_edit_wiki_page(person, page) -> bool:
    return can_write_wiki(person, page.space) and not page.is_locked


def can_write_article(person, space) -> bool:
    return can_post_in_space(person, space)


def can_mark_helpful(person, target) -> bool:
    """Not on your own article or comment."""
    return person is not None and person.is_authenticated and target.author_id != person.pk
