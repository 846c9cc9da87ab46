"""The archetype-file loader (domain/archetypes.py) on minimal and broken hand-made files: what a
facilitator may leave out (defaults) and which numbers make no sense and are refused with one line
(weight 0 or below, threshold 0 or above 1, a strip share or `near` outside 0..1)."""

from __future__ import annotations

import copy
import json

import pytest

from workshop_app.domain.archetypes import (
    DEFAULT_NEAR,
    DEFAULT_SHARED,
    ArchetypeError,
    Indicator,
    label,
    load_archetypes,
)
from workshop_app.domain.deck import load_functions
from workshop_app.domain.model import Zone

F1, F2 = list(load_functions())[:2]
TEXT = {"de": "d", "en": "e"}
MINIMAL = {"archetypes": [{
    "id": "mini", "name": {"de": "Mini-de", "en": "Mini-en"}, "context": TEXT, "harm": TEXT,
    "recommendation": TEXT,
    "indicators": [{"function": F1, "condition": "in", "zones": ["marketing"], "weight": 2}],
}]}


def write(tmp_path, data, name="a.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def changed(change) -> dict:
    data = copy.deepcopy(MINIMAL)
    change(data, data["archetypes"][0], data["archetypes"][0]["indicators"][0])
    return data


def test_a_minimal_file_reads_with_the_defaults(tmp_path):
    (mini,) = load_archetypes(write(tmp_path, MINIMAL))
    assert (mini.id, mini.name("de"), mini.name("en"), mini.threshold, mini.near) == (
        "mini", "Mini-de", "Mini-en", 0.6, DEFAULT_NEAR)
    assert mini.summary("de") == mini.summary("en") == ""
    assert mini.indicators == (Indicator(F1, "in", (Zone.MARKETING,), 2.0, DEFAULT_SHARED, False),)
    assert mini.total_weight == 2.0 and mini.functions == frozenset({F1})


def test_the_files_strip_share_is_the_default_of_its_indicators_and_an_indicator_may_override_it(tmp_path):
    data = changed(lambda d, a, i: (d.update(shared=0.25), a["indicators"].append(
        {"function": F2, "condition": "not_in", "zones": ["sales", "shared"], "weight": 1, "shared": 1})))
    first, second = load_archetypes(write(tmp_path, data))[0].indicators
    assert first.shared == 0.25 and second.shared == 1.0 and second.zones == (Zone.SALES, Zone.SHARED)


def test_a_scene_weighs_nothing_whatever_its_file_says(tmp_path):
    data = changed(lambda d, a, i: a["indicators"].append(
        {"function": F2, "condition": "in_any", "zones": ["sales"], "role": "scene", "weight": 5}))
    scene = load_archetypes(write(tmp_path, data))[0].indicators[1]
    assert scene.scene and scene.weight == 0.0


def test_every_text_is_read_in_german_and_in_english(tmp_path):
    texts = {key: {"de": f"{key}-de", "en": f"{key}-en"}
             for key in ("context", "harm", "recommendation", "summary")}
    mini = load_archetypes(write(tmp_path, changed(lambda d, a, i: a.update(texts))))[0]
    for language in ("de", "en"):
        assert [mini.context(language), mini.harm(language), mini.recommendation(language),
                mini.summary(language)] == [f"{key}-{language}" for key in texts]


def test_a_file_that_is_no_json_is_refused_with_its_name(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"archetypes": [', encoding="utf-8")
    with pytest.raises(ArchetypeError, match=r"^a\.json: cannot read: "):
        load_archetypes(path)


def test_a_diagnosis_label_in_an_unknown_language_is_the_english_one():
    assert label("zone_sales", "fr") == label("zone_sales", "en") != label("zone_sales", "de")
    with pytest.raises(KeyError):
        label("zone_moon", "en")


@pytest.mark.parametrize("threshold, near", [(1, 0), (0.01, 1), (1.0, 0.5)])
def test_a_threshold_up_to_one_and_near_from_zero_to_one_are_taken(tmp_path, threshold, near):
    data = changed(lambda d, a, i: a.update(threshold=threshold, near=near))
    mini = load_archetypes(write(tmp_path, data))[0]
    assert (mini.threshold, mini.near) == (threshold, near)


MINI = r"^a\.json: archetype 'mini': "
FIRST = MINI + "indicator 1: "
ZONES = FIRST + "zones must be a list of marketing, shared, sales$"


@pytest.mark.parametrize("change, message", [
    (lambda d, a, i: i.update(weight=0), FIRST + "weight must be positive$"),
    (lambda d, a, i: i.update(weight=-1), FIRST + "weight must be positive$"),
    (lambda d, a, i: i.update(weight=True), FIRST + "'weight' must be a number$"),
    (lambda d, a, i: i.pop("weight"), FIRST + "'weight' must be a number$"),
    (lambda d, a, i: a.update(threshold=0), MINI + r"threshold must be in \(0, 1\]$"),
    (lambda d, a, i: a.update(threshold=1.01), MINI + r"threshold must be in \(0, 1\]$"),
    (lambda d, a, i: a.update(threshold="high"), MINI + "'threshold' must be a number$"),
    (lambda d, a, i: a.update(near=1.5), MINI + "'near' must be between 0 and 1$"),
    (lambda d, a, i: a.update(near=-0.1), MINI + "'near' must be between 0 and 1$"),
    (lambda d, a, i: i.update(shared=1.01), FIRST + "'shared' must be between 0 and 1$"),
    (lambda d, a, i: i.update(shared=-0.01), FIRST + "'shared' must be between 0 and 1$"),
    (lambda d, a, i: i.update(shared="half"), FIRST + "'shared' must be a number$"),
    (lambda d, a, i: d.update(shared=2), r"^a\.json: 'shared' must be between 0 and 1$"),
    (lambda d, a, i: i.update(zones=["marketing", "sales"]),
     FIRST + r"condition 'in' takes one zone \(use 'in_any' for several\)$"),
    (lambda d, a, i: i.update(zones=[]), ZONES),
    (lambda d, a, i: i.update(zones="marketing"), ZONES),
    (lambda d, a, i: i.update(zones=["unplaced"]), ZONES),
    (lambda d, a, i: i.update(condition="near"), FIRST + "condition must be one of in, not_in, in_any$"),
    (lambda d, a, i: i.update(function="telepathy"), FIRST + "unknown function 'telepathy'$"),
    (lambda d, a, i: i.update(role="hint"), FIRST + "role must be 'sign' or 'scene'$"),
    (lambda d, a, i: a["indicators"].append(3), MINI + "indicator 2: must be an object$"),
    (lambda d, a, i: a.update(indicators=[]), MINI + "needs a list of indicators$"),
    (lambda d, a, i: a.update(indicators={}), MINI + "needs a list of indicators$"),
    (lambda d, a, i: a.update(id=5), r"^a\.json: an archetype must be an object with an id$"),
    (lambda d, a, i: d["archetypes"].append("x"), r"^a\.json: an archetype must be an object with an id$"),
    (lambda d, a, i: d.update(archetypes={}), r"^a\.json: 'archetypes' must be a list$"),
    (lambda d, a, i: d["archetypes"].append(copy.deepcopy(a)), r"^archetype ids repeat$"),
    (lambda d, a, i: a.pop("name"), MINI + "'name' needs German and English texts$"),
    (lambda d, a, i: a.update(context={"en": "only en"}), MINI + "'context' needs German and English texts$"),
    (lambda d, a, i: a.update(harm="no object"), MINI + "'harm' needs German and English texts$"),
    (lambda d, a, i: a.update(recommendation={"de": "d", "en": None}),
     MINI + "'recommendation' needs German and English texts$"),
    (lambda d, a, i: a.update(summary={"de": "nur de"}), MINI + "'summary' needs German and English texts$"),
])
def test_a_broken_file_is_refused_with_one_line(tmp_path, change, message):
    with pytest.raises(ArchetypeError, match=message) as raised:
        load_archetypes(write(tmp_path, changed(change)))
    assert "\n" not in str(raised.value)


def test_a_folder_is_read_file_by_file_in_name_order_and_an_empty_one_is_refused(tmp_path):
    second = changed(lambda d, a, i: a.update(id="second"))
    write(tmp_path, second, "b.json")
    write(tmp_path, MINIMAL, "a.json")
    (tmp_path / "notes.txt").write_text("not read")
    assert [a.id for a in load_archetypes(tmp_path)] == ["mini", "second"]
    assert [a.id for a in load_archetypes(str(tmp_path / "b.json"))] == ["second"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ArchetypeError, match="no archetype files$"):
        load_archetypes(empty)
    twice = tmp_path / "twice"
    twice.mkdir()
    write(twice, second, "a.json")
    write(twice, second, "b.json")
    with pytest.raises(ArchetypeError, match="^archetype ids repeat$"):
        load_archetypes(twice)
