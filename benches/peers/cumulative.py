"""Cumulative time in space per astronaut with pandas: the peer a user reaches for first.

Reads every flight file of a catalog folder, pairs each person's launches with their next landing (as
orbitline's stays do), counts open stays to NOW, and prints the top 10 as `astronaut seconds`.
Usage: python3 benches/peers/cumulative.py DIR [NOW]   (NOW default 2200-01-01T00:00Z)
Needs pandas: `pip install pandas`.
"""

import json
import os
import sys

import pandas as pd

REGISTRIES = {"astronauts.json", "spacecraft.json", "stations.json"}


def main():
    root = sys.argv[1]
    now = pd.Timestamp(sys.argv[2] if len(sys.argv) > 2 else "2200-01-01T00:00Z")
    rows = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.endswith(".json") or name in REGISTRIES or name.startswith("."):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                flight = json.load(f)
            for end, kind in (("launch", 0), ("landing", 1)):
                part = flight.get(end) or {}
                if part.get("time"):
                    for member in part.get("crew", []):
                        rows.append((member["astronaut"], part["time"], kind))
    df = pd.DataFrame(rows, columns=["astronaut", "time", "kind"])
    df["t"] = pd.to_datetime(df["time"], utc=True, format="ISO8601")
    df = df.sort_values(["astronaut", "t", "kind"], kind="stable")
    grouped = df.groupby("astronaut", sort=False)
    df["next_t"] = grouped["t"].shift(-1)
    df["next_kind"] = grouped["kind"].shift(-1)
    ups = df[df["kind"] == 0]
    ends = ups["next_t"].where(ups["next_kind"] == 1, now)
    seconds = (ends - ups["t"]).dt.total_seconds()
    total = seconds.groupby(ups["astronaut"]).sum().sort_values(ascending=False, kind="stable")
    for astronaut, value in total.head(10).items():
        print(f"{astronaut} {int(value)}")


if __name__ == "__main__":
    main()
