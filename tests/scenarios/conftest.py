import pytest

from kit.scenarios import builtin_templates


@pytest.fixture(scope="session")
def templates(library):
    return builtin_templates(library)
