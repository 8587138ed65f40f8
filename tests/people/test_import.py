"""The org-chart CSV import: what it writes, every error it reports (with the right row), and
that a file with any error writes nothing."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections

from groundswell.activity.models import Event, Verb
from groundswell.cli import main as groundswell_cli
from groundswell.errors import Forbidden
from groundswell.people.importing import COLUMNS, people_import
from groundswell.people.models import Level, OrgUnit, Person
from groundswell.topics.models import Topic
from tests.factories import OrgUnitFactory, PersonFactory

SAMPLE = Path(__file__).parents[2] / "groundswell" / "people" / "sample_org.csv"
HEADER = ",".join(COLUMNS)


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def row(username="ann", email=None, name=None, title="Driver", unit="depot-york",
        unit_name="York depot", parent="", manager="", level="1", location="York",
        skills="route-planning", leader="") -> str:  # fmt: skip
    email = email if email is not None else f"{username}@example.com"
    name = name if name is not None else username.title()
    return ",".join([username, email, name, title, unit, unit_name, parent, manager, level,
                     location, skills, leader])  # fmt: skip


def run(data, actor=None, **kwargs):
    return people_import(actor=actor, rows_or_file=data, **kwargs)


# --- the happy path ----------------------------------------------------------------------


@pytest.mark.django_db
def test_sample_file_creates_units_people_managers_levels_and_skills():
    result = run(SAMPLE)

    assert result.ok, result.errors
    assert (result.rows, result.created, result.updated) == (20, 20, 0)
    assert result.units_created == 10
    amir = Person.objects.get(username="amir.patel")
    chain = []
    person = amir
    while person:
        chain.append(person.username)
        person = person.manager
    assert chain == ["amir.patel", "grace.obi", "sam.kerr", "priya.shah", "olu.adeyemi",
                     "maria.costa"]  # fmt: skip
    assert amir.level == Level.FRONTLINE
    assert amir.org_unit.leader.username == "sam.kerr"
    assert Person.objects.get(username="grace.obi").level == Level.SPECIALIST  # "specialist"
    assert Person.objects.get(username="maria.costa").level == Level.EXECUTIVE
    assert set(amir.skills.values_list("name", flat=True)) == {"route-planning",
                                                                "proof-of-delivery"}  # fmt: skip
    assert not amir.has_usable_password()
    assert amir.password != Person.objects.get(username="bethan.lloyd").password
    york = OrgUnit.objects.get(code="depot-york")
    # Parents defined later in the file still end up above their children.
    assert [u.code for u in OrgUnit.objects.filter(pk__in=york.ancestor_ids())] == [
        "northwind", "operations", "region-north", "depot-york",
    ]  # fmt: skip
    assert amir.org_unit == york and amir.location == "York"
    event = Event.objects.get(verb=Verb.IMPORTED_PEOPLE)
    assert event.data["created"] == 20 and event.data["units_created"] == 10


@pytest.mark.django_db
def test_reimport_updates_changed_people_and_leaves_the_rest():
    run(SAMPLE)
    text = SAMPLE.read_text()
    text = text.replace("Amir Patel,Delivery Driver", "Amir Patel,Senior Driver")
    text = text.replace("grace.obi,1,York,tachograph", "tom.hughes,1,York,tachograph")
    text = text.replace("forklift-safety;loading-bay-safety", "forklift-safety")

    result = run(text.encode())

    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (0, 3, 17)
    assert Person.objects.get(username="amir.patel").job_title == "Senior Driver"
    assert Person.objects.get(username="bethan.lloyd").manager.username == "tom.hughes"
    chris = Person.objects.get(username="chris.ward")
    assert list(chris.skills.values_list("name", flat=True)) == ["forklift-safety"]
    assert Person.objects.count() == 20


@pytest.mark.django_db
def test_existing_people_and_units_can_be_referred_to_and_moved():
    boss = PersonFactory(username="boss", level=Level.MANAGER)
    old_parent = OrgUnitFactory(code="old-parent", name="Old parent")
    region = OrgUnitFactory(code="region", name="Region")
    depot = OrgUnitFactory(code="depot", name="Depot", parent=old_parent)
    team = OrgUnitFactory(code="team", name="Team", parent=depot)

    result = run(csv_bytes(row("ann", unit="depot", unit_name="", parent="region",
                               manager="boss")))  # fmt: skip

    assert result.ok, result.errors
    assert result.units_updated == 1
    ann = Person.objects.get(username="ann")
    assert ann.manager == boss and ann.org_unit == depot
    team.refresh_from_db()
    # The moved unit's descendants get new paths too.
    assert team.path == f"/{region.pk}/{depot.pk}/{team.pk}/"


@pytest.mark.django_db
def test_byte_order_mark_and_optional_columns_are_accepted():
    data = "\ufeffusername,email,display_name\nann,ann@example.com,Ann\n".encode()

    result = run(data)

    assert result.ok, result.errors
    ann = Person.objects.get(username="ann")
    assert ann.level == Level.FRONTLINE and ann.org_unit is None


@pytest.mark.django_db
def test_unit_leaders_are_set_from_the_rows_of_their_units():
    existing = OrgUnitFactory(code="region", name="Region")
    boss = PersonFactory(username="boss")
    result = run(
        csv_bytes(
            # A new unit led by someone the same file creates, on a later row.
            row("ann", unit="depot", unit_name="Depot", parent="region", leader="dee"),
            row("dee", unit="depot", unit_name="", level="3"),
            # An existing unit renamed and given a leader: one unit updated, not two.
            row("eve", unit="region", unit_name="North region", leader="boss"),
        )
    )
    assert result.ok, result.errors
    assert OrgUnit.objects.get(code="depot").leader.username == "dee"
    existing.refresh_from_db()
    assert (existing.name, existing.leader) == ("North region", boss)
    assert (result.units_created, result.units_updated) == (1, 1)
    again = run(csv_bytes(row("eve", unit="region", unit_name="North region", leader="boss")))
    assert (again.ok, again.units_updated) == (True, 0)


@pytest.mark.django_db
def test_a_unit_leader_must_exist_and_agree_across_rows():
    result = run(
        csv_bytes(
            row("ann", unit="depot", unit_name="Depot", leader="ann"),
            row("bob", unit="depot", unit_name="", leader="bob"),
            row("cy", unit="yard", unit_name="Yard", leader="nobody"),
        )
    )
    assert result.errors == [
        "row 3: unit 'depot' is led by 'bob' here but 'ann' on row 2",
        "row 4: unit leader 'nobody' is neither in the file nor in Groundswell",
    ]
    assert not OrgUnit.objects.exists() and not Person.objects.exists()


@pytest.mark.django_db
def test_dry_run_counts_but_writes_nothing():
    result = run(SAMPLE, dry_run=True)

    assert result.ok and result.created == 20
    assert Person.objects.count() == 0 and OrgUnit.objects.count() == 0
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_only_administrators_may_import():
    with pytest.raises(Forbidden):
        run(SAMPLE, actor=PersonFactory())
    admin = PersonFactory(username="root", is_staff=True)
    assert run(SAMPLE, actor=admin).ok
    assert Event.objects.get(verb=Verb.IMPORTED_PEOPLE).actor == admin


@pytest.mark.django_db
def test_import_uses_bulk_queries_not_one_per_row(django_assert_max_num_queries):
    rows = [row(f"p{i}", unit=f"u{i // 100}", unit_name=f"Unit {i // 100}",
                manager=f"p{i - 1}" if i % 100 else "", skills=f"s{i % 7};hazmat")
            for i in range(2_000)]  # fmt: skip

    # Inserts go in batches (SQLite takes ~999 parameters a statement, ~45 people): a few
    # dozen statements for 2,000 rows, where one query per row would be thousands.
    with django_assert_max_num_queries(100):
        result = run(csv_bytes(*rows))

    assert result.ok, result.errors[:3]
    assert Person.objects.count() == 2_000
    assert Person.objects.get(username="p1999").manager.username == "p1998"


# --- errors: each reported with its row, all of them, and nothing written ---------------

ERROR_CASES = {
    "missing column": (
        [row("ann")], "username,email,job_title", "row 1: missing required column(s): display_name"
    ),
    "unknown column": ([], HEADER + ",shoe_size", "row 1: unknown column(s): shoe_size"),
    "duplicate username": ([row("ann"), row("bob"), row("ann", email="a2@example.com")], HEADER,
                           "row 4: username 'ann' is already on row 2"),
    "duplicate email": ([row("ann"), row("bob", email="ann@example.com")], HEADER,
                        "row 3: email 'ann@example.com' is already on row 2"),
    "invalid email": ([row("ann"), row("bob", email="bob-at-example")], HEADER,
                      "row 3: email 'bob-at-example' is not a valid address"),
    "unknown level": ([row("ann", level="boss")], HEADER, "row 2: unknown level 'boss'"),
    "level out of range": ([row("ann", level="7")], HEADER, "row 2: unknown level '7'"),
    "self manager": ([row("ann", manager="ann")], HEADER,
                     "row 2: 'ann' cannot be their own manager"),
    "unknown manager": ([row("ann", manager="ghost")], HEADER,
                        "row 2: manager 'ghost' is neither in the file nor in Groundswell"),
    "manager cycle": ([row("ann"), row("bob", manager="cat"), row("cat", manager="dan"),
                       row("dan", manager="bob")], HEADER,
                      "row 3: manager cycle: bob → cat → dan → bob"),
    "unit cycle": ([row("ann", unit="a", unit_name="A", parent="b"),
                    row("bob", unit="b", unit_name="B", parent="a")], HEADER,
                   "row 2: unit cycle: a → b → a"),
    "own parent": ([row("ann", unit="a", unit_name="A", parent="a")], HEADER,
                   "row 2: unit 'a' cannot be its own parent"),
    "unknown parent unit": ([row("ann", parent="nowhere")], HEADER,
                            "row 2: parent unit 'nowhere' is neither in the file nor"),
    "new unit without name": ([row("ann", unit="new-team", unit_name="")], HEADER,
                              "row 2: new unit 'new-team' needs a unit_name"),
    "conflicting unit names": ([row("ann"), row("bob", unit_name="Yorke depot")], HEADER,
                               "row 3: unit 'depot-york' is named 'Yorke depot' here but "
                               "'York depot' on row 2"),
    "long display name": ([row("ann", name="A" * 151)], HEADER,
                          "row 2: display_name is longer than 150 characters"),
    "long unit code": ([row("ann", unit="u" * 61)], HEADER,
                       "row 2: unit_code is longer than 60 characters"),
    "bad unit code": ([row("ann", unit="york depot")], HEADER,
                      "row 2: unit_code 'york depot' may hold only letters, digits, - and _"),
    "bad username": ([row("ann smith")], HEADER,
                     "row 2: username 'ann smith' may hold only letters, digits and @.+-_"),
    "missing value": ([row("ann", name="")], HEADER, "row 2: display_name is required"),
    "wrong number of cells": (["ann,ann@example.com,Ann"], HEADER,
                              "row 2: has 3 values but the header has 12 columns"),
    "unusable skill": ([row("ann", skills="hazmat;!!!")], HEADER,
                       "row 2: skill '!!!' has no letters or digits"),
}  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(ERROR_CASES))
def test_each_kind_of_error_is_reported_with_its_row(case):
    rows, header, expected = ERROR_CASES[case]

    result = run(csv_bytes(*rows, header=header))

    assert not result.ok
    assert any(error.startswith(expected) for error in result.errors), result.errors
    assert Person.objects.count() == 0 and OrgUnit.objects.count() == 0


@pytest.mark.django_db
def test_email_of_someone_outside_the_file_is_refused():
    PersonFactory(username="olive", email="ann@example.com")

    result = run(csv_bytes(row("ann")))

    assert result.errors == ["row 2: email 'ann@example.com' belongs to 'olive', who is not in "
                             "the file"]  # fmt: skip


@pytest.mark.django_db
def test_cycle_through_people_already_stored_is_found():
    boss = PersonFactory(username="boss")
    PersonFactory(username="ann", manager=boss)

    result = run(csv_bytes(row("boss", manager="ann")))

    assert result.errors == ["row 2: manager cycle: boss → ann → boss"]


@pytest.mark.django_db
def test_rows_are_numbered_by_file_line_even_after_a_multiline_field():
    multiline = row("ann", title='"Driver\nand trainer"')

    result = run(csv_bytes(multiline, row("bob", level="boss")))

    assert result.errors == ["row 4: unknown level 'boss' (use 1-5 or frontline, specialist, "
                             "manager, director, executive)"]  # fmt: skip


@pytest.mark.django_db
def test_all_errors_are_collected_not_just_the_first():
    rows = [row(f"p{i}", level="boss") for i in range(70)]

    result = run(csv_bytes(*rows))

    assert result.error_count == 70
    assert result.errors[0].startswith("row 2:") and result.errors[-1].startswith("row 71:")


@pytest.mark.django_db
def test_a_bad_last_row_means_nothing_is_imported():
    PersonFactory(username="amir.patel", job_title="Old title")
    bad = SAMPLE.read_bytes() + b"zed,not-an-email,Zed,,,,,,,,,\n"

    result = run(bad)

    assert result.errors == ["row 22: email 'not-an-email' is not a valid address"]
    assert list(Person.objects.values_list("username", "job_title")) == [
        ("amir.patel", "Old title")
    ]
    assert OrgUnit.objects.count() == 0 and Topic.objects.count() == 0
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_a_file_that_is_not_utf8_gets_a_clear_error():
    data = csv_bytes(row("ann"), row("zoe", name="Zoë")).decode().encode("latin-1")

    result = run(data)

    assert result.errors == [
        'row 3: the file is not UTF-8 (byte 0xeb cannot be read); save it as "CSV UTF-8" and '
        "import it again"
    ]
    assert Person.objects.count() == 0


# --- the command ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_imports_and_prints_a_summary(capsys):
    call_command("import_people", str(SAMPLE))

    out = capsys.readouterr().out
    assert "Imported 20 rows" in out and "20 people created" in out and "10 units created" in out
    assert Person.objects.count() == 20


@pytest.mark.django_db
def test_command_prints_progress_every_500_rows(tmp_path, capsys):
    path = tmp_path / "big.csv"
    path.write_bytes(csv_bytes(*(row(f"p{i}") for i in range(1_000))))

    call_command("import_people", str(path))

    out = capsys.readouterr().out
    assert "read 500 rows" in out and "read 1,000 rows" in out


@pytest.mark.django_db
def test_command_exits_non_zero_with_the_row_errors(tmp_path, capsys, monkeypatch):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(*(row(f"p{i}", level="boss") for i in range(60))))
    monkeypatch.setattr("sys.argv", ["groundswell", "import_people", str(path)])
    # run_from_argv closes every connection when done, the test's own included.
    monkeypatch.setattr(connections, "close_all", lambda: None)

    with pytest.raises(SystemExit) as exit_info:
        groundswell_cli()

    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "row 2: unknown level 'boss'" in err and "row 51: unknown level" in err
    assert "row 52:" not in err  # at most 50 shown…
    assert "… and 10 more errors" in err
    assert "60 error(s) in bad.csv: nothing was imported." in err
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_command_refuses_a_missing_file():
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_people", "/nonexistent/people.csv")
