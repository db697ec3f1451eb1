"""``python -m govdisclosure``: the same as the ``govdisclosure`` command."""

import sys

from .cli import main

sys.exit(main())
