from datetime import timedelta

from django.utils import timezone

from groundswell.insights import selectors
from groundswell.insights.clustering import cluster_rebuild
from groundswell.insights.models import InsightCluster


def test_similar_insights_cluster_and_categories_stay_apart(org, report):
    a = report(
        text="Bridge on Kirkstall Road closed, drivers rerouted via the ring road", category="route"
    )
    b = report(
        text="Kirkstall Road bridge closed again, rerouted via ring road",
        category="route",
        reporter=org["peer"],
        location="Kirkstall",
    )
    c = report(text="Kirkstall Road bridge closed, rerouted", category="safety")
    d = report(text="Fuel prices up 10p at the depot pump", category="fuel")
    for insight in (a, b, c, d):
        insight.refresh_from_db()
    assert a.cluster_id == b.cluster_id
    assert c.cluster_id != a.cluster_id
    assert d.cluster_id not in {a.cluster_id, c.cluster_id}
    cluster = InsightCluster.objects.get(pk=a.cluster_id)
    assert cluster.count == 2
    assert "Kirkstall" in cluster.locations


def test_confidential_insights_are_not_clustered(report):
    insight = report(confidential=True)
    insight.refresh_from_db()
    assert insight.cluster_id is None


def test_rebuild_gives_the_same_groups(org, report):
    for n in range(3):
        report(text=f"Competitor FastFreight 20% off promotion flyer number {n}")
    report(text="Pallet wrapping machine broken in bay 4", category="process")
    assert cluster_rebuild() == 4
    assert sorted(InsightCluster.objects.values_list("count", flat=True)) == [1, 3]


def test_trends_show_clusters_and_weeks_for_the_unit(org, report):
    for n in range(3):
        report(text=f"Competitor FastFreight 20% off promotion flyer number {n}")
    result = selectors.trends(org["regional"], unit=org["region"])
    assert [c.count for c in result.clusters] == [3]
    assert len(result.weeks) == 12 and result.weeks[-1][1] == 3
    # Someone who cannot see the insights does not see the trend either.
    assert selectors.trends(org["other_manager"], unit=None).clusters == []


def test_old_insights_start_a_new_cluster(org, report):
    old = report(
        text="Competitor FastFreight promotion flyer", at=timezone.now() - timedelta(days=90)
    )
    new = report(text="Competitor FastFreight promotion flyer")
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.cluster_id != new.cluster_id


def test_cluster_insights_command(org, report, capsys):
    from django.core.management import call_command

    for n in range(2):
        report(text=f"Competitor FastFreight 20% off promotion flyer number {n}")
    InsightCluster.objects.all().delete()
    call_command("cluster_insights")
    assert "Clustered 2 insights" in capsys.readouterr().out
    assert list(InsightCluster.objects.values_list("count", flat=True)) == [2]


def test_benchmark_command_reports_and_rolls_back(db, capsys):
    from django.core.management import call_command

    from groundswell.insights.models import Insight

    call_command("benchmark_insights", count=300, repeat=1)
    out = capsys.readouterr().out
    assert "inbox (priority): median" in out and "trends: median" in out
    assert not Insight.objects.exists()
