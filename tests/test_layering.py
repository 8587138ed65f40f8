"""Project rules made executable: interfaces stay thin and templates mark only sanitiser
output safe."""

import re
from pathlib import Path

import groundswell

PACKAGE = Path(groundswell.__file__).parent
INTERFACE_FILES = sorted(
    path
    for pattern in ("*/views.py", "*/views/*.py", "*/api.py", "*/api/*.py", "api.py")
    for path in PACKAGE.glob(pattern)
)
ORM_ACCESS = re.compile(r"\.objects\b|\.raw\(|connection\.cursor")
SAFE_FILTER = re.compile(r"\|\s*safe\b")
# The only values that may be marked safe: HTML produced by the Markdown sanitiser.
SANITISED_FIELD = re.compile(r"\b\w+_html\s*\|\s*safe\b")


def test_there_are_interfaces_to_check():
    assert any(path.name == "views.py" for path in INTERFACE_FILES)
    assert any(path.name == "api.py" for path in INTERFACE_FILES)


def test_views_and_api_do_not_query_models_directly():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in INTERFACE_FILES
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if ORM_ACCESS.search(line)
    ]
    assert offenders == [], "call a selector or service instead:\n" + "\n".join(offenders)


def test_templates_mark_only_sanitised_html_safe():
    offenders = []
    for template in PACKAGE.glob("*/templates/**/*.html"):
        for number, line in enumerate(template.read_text().splitlines(), start=1):
            unsafe = len(SAFE_FILTER.findall(line)) - len(SANITISED_FIELD.findall(line))
            if unsafe > 0:
                offenders.append(f"{template.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert offenders == [], "only *_html fields from the sanitiser may be |safe:\n" + "\n".join(
        offenders
    )


def test_python_code_does_not_mark_strings_safe():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "mark_safe(" in path.read_text() or "SafeString(" in path.read_text()
    ]
    assert offenders == []
