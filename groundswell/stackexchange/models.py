"""What was imported from which Stack Exchange site, so a second run adds nothing twice."""

from django.db import models
from django.db.models import Q


class ImportedPost(models.Model):
    """A question (→ thread) or an answer (→ reply) of a site's dump, by its id there."""

    site = models.CharField(max_length=100)
    se_id = models.BigIntegerField()
    thread = models.OneToOneField(
        "threads.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reply = models.OneToOneField(
        "threads.Reply", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The author as the dump names them, kept for attribution when the account was deleted.
    author_name = models.CharField(max_length=150, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "se_id"], name="one_import_per_post"),
            models.CheckConstraint(
                condition=(
                    Q(thread__isnull=False, reply__isnull=True)
                    | Q(thread__isnull=True, reply__isnull=False)
                ),
                name="imported_post_has_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.site} post {self.se_id}"

    @property
    def source_url(self) -> str:
        kind = "q" if self.thread_id else "a"
        return f"https://{self.site}/{kind}/{self.se_id}"
