"""Fixtures: the reviewed multilingual letters (see tests/ui/reviewed_letters.py)."""

from tests.ui.reviewed_letters import letters_case, letters_template, reviewed  # noqa: F401 - fixtures
