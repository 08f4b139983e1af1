"""FAISS side of the index benchmark: the same bank and queries as `index N OUTDIR` wrote.

IndexBinaryMultiHash with 16 substrings of 16 bits and nflip=1 (as Meta's HMA configures it: exact at radius 31),
and IndexBinaryFlat (brute force). Prints build time, bytes per hash (resident-memory growth), query latency at
radius 31 and recall against the flat index.
"""
import resource
import sys
import time

import faiss
import numpy as np

RADIUS = 31


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()


def bench(name, make, bank, queries, truth=None):
    before = rss_bytes()
    start = time.perf_counter()
    index = make()
    index.add(bank)
    build = time.perf_counter() - start
    per_hash = (rss_bytes() - before) / len(bank)
    lat, results = [], []
    for q in queries:
        t = time.perf_counter()
        lims, dist, ids = index.range_search(q.reshape(1, -1), RADIUS + 1)  # FAISS range is strict (<)
        lat.append((time.perf_counter() - t) * 1000)
        results.append(set(ids.tolist()))
    lat.sort()
    recall = 1.0
    if truth is not None:
        want = sum(len(t) for t in truth)
        got = sum(len(r & t) for r, t in zip(results, truth))
        recall = got / want
    print(f"{name},n={len(bank)},build_s={build:.2f},bytes_per_hash={per_hash:.1f},"
          f"p50_ms={lat[len(lat) // 2]:.3f},p99_ms={lat[int(len(lat) * 0.99)]:.3f},"
          f"qps={1000 / (sum(lat) / len(lat)):.0f},recall={recall:.4f}", flush=True)
    return results


def main():
    out = sys.argv[1]
    nq = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    faiss.omp_set_num_threads(1)
    bank = np.fromfile(f"{out}/bank.bin", dtype=np.uint8).reshape(-1, 32)
    queries = np.fromfile(f"{out}/queries.bin", dtype=np.uint8).reshape(-1, 32)[:nq]
    truth = bench("faiss_flat", lambda: faiss.IndexBinaryFlat(256), bank, queries)

    def multihash():
        index = faiss.IndexBinaryMultiHash(256, 16, 16)
        index.nflip = 1
        return index

    bench("faiss_multihash_16x16_nflip1", multihash, bank, queries, truth)


if __name__ == "__main__":
    main()
