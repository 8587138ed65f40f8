"""The generated org chart, before it touches the database: a believable hierarchy."""

import random
from collections import Counter

import pytest

from groundswell.demo.orgchart import DEMO_USERNAMES, ROLES, build_orgchart
from groundswell.people.importing.checks import find_cycles


@pytest.fixture(scope="module")
def chart():
    return build_orgchart(random.Random("test"), 1.0)


def test_scale_one_is_about_three_hundred_people_on_all_five_levels(chart):
    assert 250 <= len(chart.people) <= 350
    levels = Counter(person.level for person in chart.people)
    assert set(levels) == {1, 2, 3, 4, 5}
    assert levels[5] == 1 and levels[4] == 4
    assert levels[1] > levels[2] > levels[3]  # a pyramid


def test_people_are_unique_and_everyone_reports_to_someone_more_senior(chart):
    by_username = {person.username: person for person in chart.people}
    assert len(by_username) == len(chart.people)
    assert set(DEMO_USERNAMES) <= set(by_username)
    for person in chart.people:
        if person.manager is None:
            assert person.role == "ceo"
            continue
        boss = by_username[person.manager]
        assert boss.level > person.level or (boss.level == person.level == 3), person.username
    assert find_cycles(list(by_username), {p.username: p.manager for p in chart.people}) == []


def test_units_form_one_tree_and_everyone_sits_in_one(chart):
    assert sum(1 for unit in chart.units.values() if unit.parent is None) == 1
    assert all(unit.parent in chart.units for unit in chart.units.values() if unit.parent)
    assert {person.unit for person in chart.people} <= set(chart.units)
    names = [unit.name for unit in chart.units.values()]
    assert "Leeds depot" in names and any("airport" in name for name in names)
    assert any("sort centre" in name for name in names)


def test_frontline_jobs_and_skills_come_from_the_roles(chart):
    titles = Counter(person.job_title for person in chart.people)
    for title in ("Delivery Driver", "Warehouse Operative", "Parcel Sorter",
                  "Airport Freight Handler", "Dispatcher", "Customer Service Agent"):  # fmt: skip
        assert titles[title] > 0, title
    for person in chart.people:
        if person.username not in DEMO_USERNAMES:
            assert set(person.skills) <= set(ROLES[person.role][2])


def test_the_chart_grows_with_the_scale():
    small = build_orgchart(random.Random("test"), 0.2)
    large = build_orgchart(random.Random("test"), 3)
    assert len(small.people) < 200 < 700 < len(large.people)
    assert len(large.units) > len(small.units)
