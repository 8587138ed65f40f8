import pytest
from django.core.management import CommandError, call_command

from groundswell.errors import Forbidden
from groundswell.learning.importing import courses_import
from groundswell.learning.models import Course, Enrollment
from groundswell.spaces.models import Membership, Role
from tests.factories import PersonFactory

HEADER = "code,title,description,owner_username,lms_url,lms_id,topics,username,role\n"


@pytest.fixture
def people(db):
    return [PersonFactory(username=name) for name in ("ann", "bob", "cat")]


def test_import_creates_courses_spaces_and_enrollments(staff, people):
    data = (
        HEADER
        + "SAF-101,Safety basics,Intro,ann,https://lms.example/1,1,safety;driving,bob,\n"
        + "SAF-101,,,,,,,cat,staff\n"
        + "ORG-1,Onboarding,,,,,,,\n"
    ).encode()
    result = courses_import(actor=staff, rows_or_file=data)
    assert result.ok, result.errors
    assert (result.created, result.unchanged) == (2, 2)
    course = Course.objects.get(code="SAF-101")
    assert {t.name for t in course.topics.all()} == {"safety", "driving"}
    roles = dict(
        Membership.objects.filter(space=course.space).values_list("person__username", "role")
    )
    assert roles == {"ann": Role.OWNER, "bob": Role.MEMBER, "cat": Role.MODERATOR}


def test_any_error_imports_nothing_and_names_rows(staff, people):
    data = (
        HEADER
        + "SAF-101,Safety,,,,,,bob,\n"
        + "NEW-2,,,,,,,ann,\n"
        + "SAF-101,,,,,,,nobody,\n"
        + "SAF-101,,,,not a url,,,cat,boss\n"
    ).encode()
    result = courses_import(actor=staff, rows_or_file=data)
    assert not result.ok
    assert "row 3: new course 'NEW-2' needs a title" in result.errors
    assert "row 4: username 'nobody' is not a person in Groundswell" in result.errors
    assert "row 5: role 'boss' is not learner or staff" in result.errors
    assert any(e.startswith("row 5: lms_url") for e in result.errors)
    assert not Course.objects.exists() and not Enrollment.objects.exists()


def test_bad_header_and_duplicate_enrollment(staff, people):
    result = courses_import(actor=staff, rows_or_file=b"title,colour\nx,y\n")
    assert result.errors[0].startswith("row 1: missing required column(s): code")
    data = (HEADER + "A,Alpha,,,,,,bob,\nA,,,,,,,bob,\n").encode()
    result = courses_import(actor=staff, rows_or_file=data)
    assert result.errors == ["row 3: 'bob' is already enrolled on row 2"]


def test_learners_cannot_import(learner):
    with pytest.raises(Forbidden):
        courses_import(actor=learner, rows_or_file=HEADER.encode())


def test_command(tmp_path, people, capsys):
    good = tmp_path / "courses.csv"
    good.write_text(HEADER + "SAF-101,Safety,,,,,,bob,\n")
    call_command("import_courses", str(good))
    assert Enrollment.objects.filter(person__username="bob").count() == 1
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "X,,,,,,,,\n")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_courses", str(bad))
    assert "row 2: new course 'X' needs a title" in capsys.readouterr().err


def test_import_page_for_staff_only(client, staff, learner, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(learner)
    assert client.get("/learning/import/").status_code == 403
    client.force_login(staff)
    upload = SimpleUploadedFile("c.csv", (HEADER + "X,,,,,,,,\n").encode(), "text/csv")
    response = client.post("/learning/import/", {"file": upload})
    assert response.status_code == 400
    assert b"row 2: new course" in response.content
    upload = SimpleUploadedFile("c.csv", (HEADER + "X,Ex,,,,,,bob,\n").encode(), "text/csv")
    response = client.post("/learning/import/", {"file": upload})
    assert response.status_code == 302
    assert Course.objects.filter(code="X").exists()
