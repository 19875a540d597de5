"""The bundled sample library loads, with as many nodes as its files hold."""

from __future__ import annotations

from ruamel.yaml import YAML

from kit.baselines import SAMPLE_LIBRARY, Library, sample_library


def _count_in_files() -> dict[str, int]:
    yaml = YAML(typ="safe")
    counts = {"authorities": 0, "matters": 0, "baselines": 0, "factors": 0, "exemption_lists": 0}
    for path in sorted(SAMPLE_LIBRARY.rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        counts["authorities"] += len(data.get("authorities", []))
        counts["factors"] += len(data.get("factors", []))
        counts["matters"] += "matter" in data
        counts["baselines"] += "baseline" in data
        counts["exemption_lists"] += "exemption_list" in data
    return counts


def test_sample_library_loads_with_the_counts_of_its_files():
    library = sample_library()
    assert isinstance(library, Library)
    assert library.summary() == _count_in_files()


def test_sample_library_counts_as_shipped():
    # a pin, so that a file silently dropped from the package data shows up here
    assert sample_library().summary() == {
        "authorities": 14, "matters": 14, "baselines": 20, "factors": 26, "exemption_lists": 3}


def test_every_baseline_names_a_provision_of_its_matter():
    library = sample_library()
    for baseline in library.baselines.values():
        assert library.provision_matter[baseline.provision] == baseline.matter


def test_a_library_shown_in_a_notebook_speaks_either_language():
    import re

    library = sample_library()
    counts = _count_in_files()
    zh, en = library._repr_html_(), library._repr_html_("en")
    assert f"裁量基准：{counts['baselines']}" in zh and f"免罚轻罚清单：{counts['exemption_lists']}" in zh
    assert f"baselines: {counts['baselines']}" in en and f"exemption lists: {counts['exemption_lists']}" in en
    flagged = sum(1 for b in library.baselines.values() if b.disclaimer)
    assert f"{flagged} baselines are marked" in en
    # the mark is the library's own words (示例，非正式文件); nothing else in the English view is Chinese
    assert re.findall(r"[\u4e00-\u9fff]+", en.replace("示例，非正式文件", "")) == []
