import os

import pytest

from policy_targets.comparisons.errors import DataError
from policy_targets.comparisons.yamlfile import load_yaml_file, load_yaml_text


def problem_of(text: str) -> str:
    with pytest.raises(DataError) as caught:
        load_yaml_text(text, "f.yaml")
    (problem,) = caught.value.problems
    return str(problem)


def test_values_remember_their_lines():
    data = load_yaml_text("a: 1\nitems:\n  - x: 2\n  - x: 3\n", "f.yaml")
    assert data.key_marks["items"] == (2, 1)
    assert data["items"].item_marks == [(3, 5), (4, 5)]


def test_dates_stay_strings():
    assert load_yaml_text("published: 2023-06-17\n", "f.yaml") == {"published": "2023-06-17"}


def test_duplicate_key():
    assert problem_of("a: 1\nb: 2\na: 3\n") == (
        "f.yaml:3:1: duplicate key 'a' — remove or rename one of the two keys"
    )


def test_tab():
    assert problem_of("a:\n\t- 1\n") == (
        "f.yaml:2:1: a tab character — indent with spaces; YAML does not allow tabs"
    )


def test_python_tag_is_refused_not_run(tmp_path):
    marker = tmp_path / "ran"
    text = f"x: !!python/object/apply:os.system ['touch {marker}']\n"
    assert problem_of(text) == (
        "f.yaml:1:4: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system' — "
        "remove the tag; only plain YAML is allowed"
    )
    assert not marker.exists()


def test_empty_file(tmp_path):
    path = tmp_path / "e.yaml"
    path.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_yaml_file(path, "e.yaml")
    assert (
        str(caught.value) == "e.yaml:1:1: file is empty — add the file's content or delete the file"
    )


def test_not_utf8(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_bytes("a: 1\nb: 數字\n".encode("big5"))
    with pytest.raises(DataError) as caught:
        load_yaml_file(path, "g.yaml")
    assert str(caught.value) == "g.yaml:2:4: file is not UTF-8 — save the file as UTF-8"


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_special_file_is_never_read(tmp_path, kind):
    """A FIFO would block the read for ever, /dev/zero never end it."""
    path = tmp_path / "pipe.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    with pytest.raises(DataError) as caught:
        load_yaml_file(path, "pipe.yaml")
    assert str(caught.value) == "pipe.yaml:1:1: not a regular file, so it is not read — remove it"
