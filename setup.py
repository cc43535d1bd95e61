"""For ``scrapyd-deploy``, which builds the project's egg with ``python setup.py bdist_egg``.

Everything is declared in pyproject.toml; without this file scrapyd-deploy writes its own.
"""

from setuptools import setup

setup()
