"""The `groundswell` console command: Django's management commands with our settings."""

import os
import sys


def main() -> None:
    """Run a management command, e.g. `groundswell migrate` or `groundswell seed_demo`."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groundswell.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["groundswell", *sys.argv[1:]])


if __name__ == "__main__":
    main()
