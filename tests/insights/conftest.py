import pytest

from groundswell.insights import services
from groundswell.people.models import Level
from tests.factories import OrgUnitFactory, PersonFactory


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Photos go to a throw-away folder, not the real media root."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def org(db):
    """A region with two depots: the driver's chain is depot manager -> regional manager."""
    region = OrgUnitFactory(name="North region", code="north")
    depot = OrgUnitFactory(name="Leeds depot", code="leeds", parent=region)
    other_depot = OrgUnitFactory(name="York depot", code="york", parent=region)
    regional = PersonFactory(
        username="regional", org_unit=region, level=Level.DIRECTOR, location="Leeds"
    )
    depot_manager = PersonFactory(
        username="depotmgr", org_unit=depot, manager=regional, level=Level.MANAGER
    )
    driver = PersonFactory(
        username="driver", org_unit=depot, manager=depot_manager, location="Leeds ring road"
    )
    peer = PersonFactory(username="peer", org_unit=depot, manager=depot_manager)
    other_manager = PersonFactory(username="othermgr", org_unit=other_depot, level=Level.MANAGER)
    admin = PersonFactory(username="boss", is_staff=True, is_superuser=True)
    return {
        "region": region,
        "depot": depot,
        "other_depot": other_depot,
        "regional": regional,
        "depot_manager": depot_manager,
        "driver": driver,
        "peer": peer,
        "other_manager": other_manager,
        "admin": admin,
    }


@pytest.fixture
def report(org):
    def _report(text="Competitor offering 20% off next-day delivery", **kwargs):
        kwargs.setdefault("reporter", org["driver"])
        kwargs.setdefault("category", "competitor")
        return services.insight_report(text=text, **kwargs)

    return _report
