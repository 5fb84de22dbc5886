"""``python -m kit``: see :mod:`kit.cli`."""

import os
import sys

try:
    from kit.cli import main

    code = main()
except KeyboardInterrupt:  # Ctrl-C, at any point (even while the kit's libraries are being imported)
    print("error: interrupted (Ctrl-C)", file=sys.stderr)
    code = 130  # 128 + SIGINT, as shells report it
except BrokenPipeError:  # the reader closed stdout early (`python -m kit table tokens | head`): not an error
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the final flush does not complain
    code = 0
raise SystemExit(code)
