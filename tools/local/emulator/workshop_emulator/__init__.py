"""The workshop's embedded emulator: moto's server plus the CloudFormation glue the labs need.

Importing this package changes nothing; ``apply()`` loads every correction in ``corrections/`` (each
one a module that says what moto lacks) and registers its CloudFormation models on top of moto's own
service backends. ``python -m workshop_emulator`` applies them and runs moto's server.
"""

from .corrections import CORRECTIONS, apply

__all__ = ["CORRECTIONS", "apply"]
