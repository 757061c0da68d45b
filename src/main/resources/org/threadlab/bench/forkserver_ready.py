# threadlab bench, row "spare": Python's warm start of a process, the reference for a warm spare.
# multiprocessing's forkserver, started before the first timed run (warm), then one timed run per
# line on stdin: Process.start() -> the child's first message on a Pipe, in milliseconds.
import multiprocessing as mp
import sys
import time


def hello(conn):
    conn.send("hello")
    conn.close()


def once():
    r, w = mp.Pipe(duplex=False)
    t0 = time.perf_counter()
    p = mp.Process(target=hello, args=(w,))
    p.start()
    r.recv()
    took = time.perf_counter() - t0
    p.join()
    w.close()
    r.close()
    return took * 1000.0


if __name__ == "__main__":
    mp.set_start_method("forkserver")
    once()  # the forkserver starts here: warm from now on
    print("ready", flush=True)
    for line in sys.stdin:
        print("%.3f" % once(), flush=True)
