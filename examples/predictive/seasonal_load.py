#!/usr/bin/env python3
"""Writes a seasonal CPU load as JSON lines for `simulate --load`: {"time": s, "cpu": millicores}.

examples/predictive/seasonal_load.py --days 7 > load.jsonl

Each day is the same shape, with noise: 2 cores at night, a working day that rises to 12 cores,
a batch at noon that adds 12 cores within a minute for half an hour, and a smaller one in the
evening. --day-seconds compresses the day (the shape keeps its proportions); --jitter moves each
day's batches by up to that many seconds either way; the same --seed always writes the same
series.
"""

import argparse
import json
import math
import random


def smooth_step(x):
    """0 below 0, 1 above 1, a half cosine between."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    return (1 - math.cos(math.pi * x)) / 2


def pulse(f, start, rise, length, fall):
    """1 while f is in [start + rise, start + length], with smooth edges; f and all in days."""
    return smooth_step((f - start) / rise) * (1 - smooth_step((f - start - length) / fall))


def load(f, shift):
    """The millicores asked for at fraction f of a day, the batches moved by shift, without noise."""
    working_day = 10000 * pulse(f, 0.30, 0.05, 0.50, 0.08)
    noon_batch = 12000 * pulse(f, 0.50 + shift, 0.0007, 0.02, 0.002)
    evening_batch = 6000 * pulse(f, 0.75 + shift, 0.0007, 0.01, 0.002)
    return 2000 + working_day + noon_batch + evening_batch


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--day-seconds", type=int, default=86400)
    parser.add_argument("--step", type=int, default=15, help="seconds between lines")
    parser.add_argument("--noise", type=float, default=0.05, help="relative, one sigma")
    parser.add_argument("--jitter", type=float, default=0, help="seconds, either way")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    days = random.Random(f"{args.seed} days")
    shifts = [days.uniform(-args.jitter, args.jitter) / args.day_seconds for _ in range(args.days + 1)]
    for time in range(0, args.days * args.day_seconds + 1, args.step):
        day, second = divmod(time, args.day_seconds)
        cpu = max(0, round(load(second / args.day_seconds, shifts[day]) * rng.gauss(1, args.noise)))
        print(json.dumps({"time": time, "cpu": cpu}))


if __name__ == "__main__":
    main()
