#!/usr/bin/env python3
"""Independent check of `threadlab bench sampler`: runs it and reads the kernel's accounting itself.

Usage: check_sampler_tick.py THREADLAB_COMMAND... (e.g. java -cp CP org.threadlab.ThreadLab bench sampler
--threads 10 --ticks 20). It polls /proc every 5 ms: the bench JVM's main thread (which takes the ticks)
and each `top` the bench starts. The sampler's CPU per tick is the main thread's schedstat delta between
the end of the first top and the start of the second (the second block: its 3 warm-up ticks and its
measured ones, no class loading), over those ticks; top's is each top's schedstat over its whole life
over the refreshes it printed before it was killed (warm-up + measured + 1, its start-up included, so a
little above the bench's steady-state figure).
"""
import os
import subprocess
import sys
import time

WARM_UP = 3


def tasks(pid):
    try:
        return sorted(int(t) for t in os.listdir(f"/proc/{pid}/task"))
    except OSError:
        return []


def comm(pid, tid):
    try:
        with open(f"/proc/{pid}/task/{tid}/comm") as f:
            return f.read().strip()
    except OSError:
        return None


def schedstat(pid, tid):
    try:
        with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def process_cpu(pid):
    total, any_read = 0, False
    for t in tasks(pid):
        v = schedstat(pid, t)
        if v is not None:
            total += v
            any_read = True
    return total if any_read else None


def children(pid):
    out = []
    for t in tasks(pid):
        try:
            with open(f"/proc/{pid}/task/{t}/children") as f:
                out += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return out


def main():
    cmd = sys.argv[1:]
    ticks = int(cmd[cmd.index("--ticks") + 1]) if "--ticks" in cmd else 20
    per_block = ticks // 2 if ticks >= 10 else ticks
    bench = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    main_tid = None
    tops = {}          # pid -> [first cpu, last cpu]
    order = []
    main_at_top_end = None
    main_at_second_top = None
    last_main = None
    while bench.poll() is None:
        if main_tid is None:
            # the JVM's main thread: the first thread after the launcher's, named "java"
            for t in tasks(bench.pid)[1:]:
                if comm(bench.pid, t) == "java":
                    main_tid = t
                    break
        else:
            v = schedstat(bench.pid, main_tid)
            if v is not None:
                last_main = v
        live = [c for c in children(bench.pid) if comm(c, c) == "top"]
        for c in live:
            v = process_cpu(c)
            if v is None:
                continue
            if c not in tops:
                tops[c] = [v, v]
                order.append(c)
                if len(order) == 2 and main_at_second_top is None:
                    main_at_second_top = last_main
            tops[c][1] = v
        if len(order) == 1 and not live and main_at_top_end is None:
            main_at_top_end = last_main
        time.sleep(0.005)
    print(bench.stdout.read(), end="")
    if main_at_top_end is not None and main_at_second_top is not None:
        n = WARM_UP + per_block
        print(f"python   sampler (bench main thread, schedstat, second block): "
              f"{(main_at_second_top - main_at_top_end) / 1e6 / n:.2f} ms per tick over {n} ticks")
    for i, c in enumerate(order):
        first, last = tops[c]
        n = WARM_UP + per_block + 1
        print(f"python   top #{i + 1} (pid {c}, schedstat over its life, start-up included): "
              f"{(last - first) / 1e6 / n:.2f} ms per refresh over {n} refreshes "
              f"(first read {first / 1e6:.2f} ms into its life)")


if __name__ == "__main__":
    main()
