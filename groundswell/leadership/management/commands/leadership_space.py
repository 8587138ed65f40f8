"""`groundswell leadership_space --unit ID [--owner USERNAME]`: the ask-leadership space of an
org unit, created if it has none."""

from django.core.management.base import BaseCommand, CommandError

from groundswell.errors import DomainError
from groundswell.leadership.services import leadership_space_ensure
from groundswell.people.models import OrgUnit, Person


class Command(BaseCommand):
    help = "Create the ask-leadership space of an org unit (if it has none)."

    def add_arguments(self, parser):
        parser.add_argument("--unit", type=int, required=True, help="org unit id")
        parser.add_argument("--owner", default=None, help="username of the unit's head")

    def handle(self, *args, unit, owner, **options):
        org_unit = OrgUnit.objects.filter(pk=unit).first()
        if org_unit is None:
            raise CommandError(f"No org unit {unit}.")
        head = Person.objects.filter(username=owner).first() if owner else None
        if owner and head is None:
            raise CommandError(f"No person {owner!r}.")
        try:
            space, created = leadership_space_ensure(org_unit=org_unit, owner=head)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{'Created' if created else 'Exists'}: {space.name} ({space.slug})")
