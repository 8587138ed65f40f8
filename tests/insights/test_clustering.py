from datetime import timedelta

from django.utils import timezone

from groundswell.insights import selectors
from groundswell.insights.clustering import cluster_rebuild
from groundswell.insights.models import Insight, InsightCluster


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
    assert "inbox (priority): median" in out and "trends (unit): median" in out
    assert "300/300 inserted" in out and "summary at 300 insights" in out
    assert "report (route + cluster)" in out
    assert not Insight.objects.exists()
    assert not InsightCluster.objects.exists()


def test_tf_idf_similarity_prefers_near_duplicates():
    from groundswell.insights.clustering import similarity

    bridge = "A38 bridge into Derby closed for repairs; rerouting adds 25 minutes."
    near = "Bridge on the A38 at Derby closed for repairs, the reroute adds 25 minutes"
    same_words_other_story = "Repairs to the Derby depot door take 25 minutes every morning."
    unrelated = "Customer in Derby complained again: parcels left with neighbours, no card."
    assert similarity(bridge, near) > 0.5
    assert similarity(bridge, near) > similarity(bridge, same_words_other_story)
    assert similarity(bridge, unrelated) < 0.1
    assert similarity(bridge, "") == 0.0


def test_believable_reports_group_into_their_stories(org, report):
    """One depot, one month: reworded reports of the same thing join one trend, different
    complaints of the same category stay apart, and words every report uses weigh little."""
    texts = [
        ("competitor", "FastFreight offer 20% off next-day delivery to our business customers."),
        ("competitor", "Customer showed me a FastFreight flyer: 20% off next-day if they switch."),
        ("competitor", "FastFreight flyers everywhere: 20% off next-day delivery if you switch."),
        ("customer", "Customer complained again: parcels left with neighbours, no card."),
        ("customer", "Another customer complaint: parcel left with a neighbour and no card."),
        ("customer", "Business customer unhappy that collections come after their 4pm close."),
        ("customer", "Customer says our collection comes after they close at 4pm, unhappy."),
        ("route", "Kirkstall bridge closed for repairs; rerouting adds 25 minutes."),
        ("fuel", "Diesel at the fuel-card station jumped 12p a litre this week."),
        ("safety", "Loading bay door sticks halfway; someone will get hurt."),
    ]
    placed = [report(text=text, category=category) for category, text in texts]
    for insight in placed:
        insight.refresh_from_db()
    clusters = [insight.cluster_id for insight in placed]
    assert clusters[0] == clusters[1] == clusters[2]  # the competitor's promotion
    assert clusters[3] == clusters[4]  # parcels left with neighbours
    assert clusters[5] == clusters[6]  # collections after closing time
    assert clusters[3] != clusters[5]  # two complaints, two trends
    assert len(set(clusters)) == 6
    assert InsightCluster.objects.get(pk=clusters[0]).count == 3
    # A rebuild from scratch finds the same groups.
    cluster_rebuild()
    regrouped = [Insight.objects.get(pk=i.pk).cluster_id for i in placed]
    same = [[a == b for b in regrouped] for a in regrouped]
    assert same == [[a == b for b in clusters] for a in clusters]


def test_word_statistics_follow_the_insights(org, report):
    from groundswell.insights.models import InsightTerm

    report(text="Bridge closed at Kirkstall", category="route")
    report(text="Bridge closed again", category="route")
    report(text="Secret bridge memo", category="route", confidential=True)
    counts = dict(InsightTerm.objects.values_list("word", "documents"))
    assert counts[""] == 2 and counts["bridge"] == 2 and counts["kirkst"] == 1
    assert "secret" not in counts  # confidential insights are not counted
    InsightTerm.objects.all().delete()
    cluster_rebuild()
    assert dict(InsightTerm.objects.values_list("word", "documents")) == counts


def test_a_partial_rebuild_does_not_count_twice(org, report):
    old = report(
        text="Competitor FastFreight promotion flyer", at=timezone.now() - timedelta(days=20)
    )
    report(text="Competitor FastFreight promotion flyer again")
    old.refresh_from_db()
    assert InsightCluster.objects.get(pk=old.cluster_id).count == 2
    for _ in range(2):
        cluster_rebuild(since=timezone.now() - timedelta(days=10))
    assert list(InsightCluster.objects.values_list("count", flat=True)) == [2]
    cluster = InsightCluster.objects.get()
    assert cluster.signature.startswith("compet:2") or "fastfr:2" in cluster.signature
