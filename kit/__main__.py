"""``python -m kit``: see :mod:`kit.cli`."""

import os
import sys

try:
    from kit.cli import main

    code = main()
except KeyboardInterrupt:  # Ctrl-C while the kit's libraries are still being imported
    print("error: interrupted (Ctrl-C)", file=sys.stderr)
    code = 130
except BrokenPipeError:  # the reader closed stdout early (`python -m kit table tokens | head`): not an error
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the final flush does not complain
    code = 0
raise SystemExit(code)
