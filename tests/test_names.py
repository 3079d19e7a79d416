"""Name helpers: given names, places, acronyms."""

from __future__ import annotations

import pytest

from graphkit.names import acronym_of, given_name, is_acronym, known_place


@pytest.mark.parametrize("word", ["Beatrice", "Jacques", "Anne-Marie", "Jean-Luc"])
def test_given_names_of_several_countries(word):
    assert given_name(word)


@pytest.mark.parametrize("word", ["Acme", "University", "Anne-Acme", ""])
def test_other_words_are_no_given_names(word):
    assert not given_name(word)


def test_a_given_name_that_is_also_a_city_counts_only_when_asked():
    assert known_place("Sydney")
    assert not given_name("Sydney")
    assert given_name("Sydney", even_a_place=True)


def test_places_are_the_names_cities_go_by():
    assert known_place("Lagos")
    assert known_place("Zurich") and known_place("Sao Paulo")  # accents folded
    assert not known_place("Google")  # once a city's joke alias, never its name


def test_acronyms():
    assert is_acronym("HKUST")
    assert acronym_of("HKUST", "Hong Kong University of Science and Technology")
    assert not acronym_of("MIT", "Stanford University")
