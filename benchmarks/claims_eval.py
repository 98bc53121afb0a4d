"""Print the claim pipeline's figures on the labelled sets (see questions.evaluation).

Usage: python benchmarks/claims_eval.py [--set seeds|tuning|heldout|all] [--show-misses]
       [--by-relation]
"""

from __future__ import annotations

import sys
from pathlib import Path

from questions.evaluation import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], Path(__file__).resolve().parent.parent))
