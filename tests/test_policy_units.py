"""Small pieces with sharp edges: merging variables, pruning the navigation, the writers' helpers."""
from __future__ import annotations

import pytest

from policy_sites import navigation, writer_helpers
from policy_sites.variants import deep_merge


def test_a_variant_overrides_one_key_and_keeps_its_neighbours():
    base = {"contacten": {"hr": {"naam": "HR", "email": "hr@x"}, "privacy": {"naam": "P"}}}
    merged = deep_merge(base, {"contacten": {"hr": {"naam": "Personeel"}}})
    assert merged["contacten"]["hr"] == {"naam": "Personeel", "email": "hr@x"}
    assert merged["contacten"]["privacy"] == {"naam": "P"}
    assert base["contacten"]["hr"]["naam"] == "HR", "the organisation's values must not change"


def test_a_variant_replaces_a_list_whole_rather_than_appending():
    assert deep_merge({"kanalen": [1, 2]}, {"kanalen": [3]}) == {"kanalen": [3]}


def test_pruning_drops_excluded_pages_and_sections_left_empty():
    menu = ["index.md", {"Zorg": ["zorg/a.md", "zorg/b.md"]}, {"Basis": ["basis/x.md", "zorg/c.md"]}]
    assert navigation.prune(menu, {"zorg/a.md", "zorg/b.md", "zorg/c.md"}) == ["index.md", {"Basis": ["basis/x.md"]}]


def test_pruning_keeps_everything_when_nothing_is_excluded():
    menu = ["index.md", {"Zorg": ["zorg/a.md"]}, {"Extern": "https://example.org/a.md"}]
    assert navigation.prune(menu, set()) == menu


def test_voor_is_true_only_on_the_named_audiences_sites():
    audiences = {"zorg": "z", "politie": "p"}
    assert writer_helpers.make_voor("zorg", audiences)("zorg", "politie") is True
    assert writer_helpers.make_voor("politie", audiences)("zorg") is False


def test_voor_refuses_an_unknown_audience_with_a_suggestion():
    with pytest.raises(ValueError, match="`zorgg` is geen bekende doelgroep. Bedoelde je `zorg`?"):
        writer_helpers.make_voor("zorg", {"zorg": "z"})("zorgg")


def test_dates_are_written_in_dutch():
    assert writer_helpers.datum("2027-03-01") == "1 maart 2027"


def test_a_date_that_does_not_exist_is_refused():
    with pytest.raises(ValueError):
        writer_helpers.datum("2027-02-30")


def test_contact_renders_name_mail_and_phone_links():
    line = writer_helpers.make_contact({"hr": {"naam": "HR", "functie": None, "email": "hr@x.be",
                                               "telefoon": "+32 3 555 01 40"}})("hr")
    assert line == "**HR**: [hr@x.be](mailto:hr@x.be), [+32 3 555 01 40](tel:+3235550140)"


def test_contact_refuses_an_unknown_contact_point():
    with pytest.raises(ValueError, match="Bedoelde je `hr`?"):
        writer_helpers.make_contact({"hr": {}})("hrr")


def test_links_are_resolved_relative_to_the_page_and_external_links_are_ignored():
    found = navigation.targets("[a](../basis/x.md#kop) [b](https://e.org/y.md) [c]: zorg/z.md", "zorg/p.md")
    assert found == [("../basis/x.md", "basis/x.md")]
    assert navigation.targets("[c]: ../zorg/z.md\n", "basis/p.md") == [("../zorg/z.md", "zorg/z.md")]
