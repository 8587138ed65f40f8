from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from groundswell.analytics.models import KnowledgeTransfer

LEARNING_GROUP = "Learning & development"


def learning_group() -> Group:
    """The "Learning & development" group with the dashboard permission (made by a data
    migration; recreated here for databases that were flushed since)."""
    permission, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(KnowledgeTransfer),
        codename="view_dashboard",
        defaults={"name": "Can view the learning analytics dashboard"},
    )
    group, _ = Group.objects.get_or_create(name=LEARNING_GROUP)
    group.permissions.add(permission)
    return group
