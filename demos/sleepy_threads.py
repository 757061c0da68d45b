#!/usr/bin/env python3
"""Four threads that wait (like network calls): together they take the time of one."""
import threading
import time


def wait(seconds: float) -> None:
    time.sleep(seconds)


def main() -> None:
    start = time.monotonic()
    wait(2)
    print(f"one wait took {time.monotonic() - start:.2f}s")
    start = time.monotonic()
    threads = [threading.Thread(target=wait, args=(2,), name=f"waiter-{n}") for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"four waits in four threads took {time.monotonic() - start:.2f}s")


if __name__ == "__main__":
    main()
