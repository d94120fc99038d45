from tests.core.suggest.letters import letters_case, letters_template  # noqa: F401 - fixtures
