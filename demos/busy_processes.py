#!/usr/bin/env python3
"""The same work in four processes: each has its own interpreter and its own GIL.

Watch it with:  threadlab snapshot --pid <each child's pid> --window 2s
(or look at the per-core bars): the four processes keep every core busy.
"""
import multiprocessing
import sys
import time

from busy_threads import burn


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    procs = [multiprocessing.Process(target=burn, args=(seconds,), name=f"busy-{n}") for n in range(4)]
    start = time.monotonic()
    for p in procs:
        p.start()
    print("children:", " ".join(str(p.pid) for p in procs), flush=True)
    for p in procs:
        p.join()
    print(f"4 busy processes took {time.monotonic() - start:.2f}s for {seconds:.0f}s of work each")


if __name__ == "__main__":
    main()
