"""Launch the Drafter GUI from a checkout: ``python main.py``."""

import sys

from drafter.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
