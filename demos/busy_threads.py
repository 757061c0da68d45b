#!/usr/bin/env python3
"""Four CPU-bound threads under CPython's GIL.

Watch it with:  threadlab snapshot --pid $(pgrep -f busy_threads.py) --window 2s
The four worker threads together use about one core: only the thread holding the GIL runs
Python code, so on a 2-core machine each shows roughly 25% instead of 100%.
"""
import sys
import threading
import time


def burn(seconds: float) -> int:
    end = time.monotonic() + seconds
    x = 0
    while time.monotonic() < end:
        for i in range(10_000):
            x = (x * 31 + i) % 1_000_003
    return x


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    threads = [threading.Thread(target=burn, args=(seconds,), name=f"busy-{n}") for n in range(4)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"4 busy threads took {time.monotonic() - start:.2f}s for {seconds:.0f}s of work each")


if __name__ == "__main__":
    main()
