#!/usr/bin/env python3
"""Route decision of the hand-built lane catalogue (issue 16 acceptance), computed by hand, without Trace code.

Every simple path from CNCGO (Zhengzhou) to DEDUI (Duisburg) with at most 6 lanes is enumerated by brute force;
each is priced as docs/decisions.md says, in exact decimals:

  leg kgCO2e = (distance km x cargo t) x intensity   (intensity: the lane's measured one, else the factor set's mode row)
  path days  = sum of (transfer before the leg + transit + handling); transfer = 1 day where the mode changes
  front      = the paths no other path beats on both kgCO2e and days
  decision   = for each deadline, the lowest-kgCO2e path whose days are within it

Factor set: trace-transport-factors-2026.1 (shipped with Trace): road 0.090, rail 0.025, sea 0.098, air 0.800.
Cargo: 10000 KGM = 10 t.   python3 tests/TraceApi.Tests/Decisions/scenario/routes.py
"""
from decimal import Decimal as D

FACTORS = {"road": D("0.090"), "rail": D("0.025"), "sea": D("0.098"), "inland_waterway": D("0.031"), "air": D("0.800")}
TONNES = D("10000") * D("1") / D("1000")
TRANSFER = D("1")
MAX_LEGS = 6

# lane id, mode, origin, destination, distance km, transit days, handling days, measured intensity or None
LANES = [
    ("L01-road-CGO-SHA", "road", "CNCGO", "CNSHA", "1000", "2", "0", None),
    ("L02-sea-SHA-RTM", "sea", "CNSHA", "NLRTM", "19500", "32", "0", "0.005"),
    ("L03-road-RTM-DUI", "road", "NLRTM", "DEDUI", "230", "1", "0", None),
    ("L04-rail-RTM-DUI", "rail", "NLRTM", "DEDUI", "240", "1.5", "0", None),
    ("L05-rail-CGO-MAL", "rail", "CNCGO", "PLMAL", "9500", "14", "1", None),
    ("L06-rail-MAL-DUI", "rail", "PLMAL", "DEDUI", "1100", "2", "0", None),
    ("L07-road-MAL-DUI", "road", "PLMAL", "DEDUI", "1000", "1.5", "0", None),
    ("L08-air-CGO-FRA", "air", "CNCGO", "DEFRA", "8200", "1", "1", None),
    ("L09-road-FRA-DUI", "road", "DEFRA", "DEDUI", "230", "0.5", "0", None),
    ("L10-rail-FRA-DUI", "rail", "DEFRA", "DEDUI", "250", "1", "0", None),
    ("L11-sea-RTM-SHA", "sea", "NLRTM", "CNSHA", "19500", "32", "0", "0.005"),
    ("L12-road-SHA-CGO", "road", "CNSHA", "CNCGO", "1000", "2", "0", None),
]


def kg(lane):
    _, mode, _, _, km, _, _, measured = lane
    return D(km) * TONNES * (D(measured) if measured else FACTORS[mode])


def paths(at, goal, visited, so_far):
    if at == goal:
        yield list(so_far)
        return
    if len(so_far) == MAX_LEGS:
        return
    for lane in LANES:
        if lane[2] == at and lane[3] not in visited:
            so_far.append(lane)
            yield from paths(lane[3], goal, visited | {lane[3]}, so_far)
            so_far.pop()


def price(path):
    e, t, prev = D(0), D(0), None
    for lane in path:
        t += (TRANSFER if prev and prev != lane[1] else D(0)) + D(lane[5]) + D(lane[6])
        e += kg(lane)
        prev = lane[1]
    return e, t


every = [(price(p), [l[0] for l in p]) for p in paths("CNCGO", "DEDUI", {"CNCGO"}, [])]
for (e, t), ids in sorted(every, key=lambda x: (x[0][1], x[0][0])):
    print(f"path {' + '.join(ids):55s} {e:>10} kgCO2e {t:>5} days")
front = [x for x in every if not any(o[0][0] <= x[0][0] and o[0][1] <= x[0][1] and o[0] != x[0] for o in every)]
print("\nPareto front (fastest first):")
for (e, t), ids in sorted(front, key=lambda x: (x[0][1], x[0][0])):
    print(f"  {t:>5} days {e:>10} kgCO2e  {' + '.join(ids)}")
print("\nDecision matrix:")
for deadline in [D("3"), D("4"), D("20"), D("40")]:
    within = [x for x in every if x[0][1] <= deadline]
    if within:
        (e, t), ids = min(within, key=lambda x: x[0][0])
        print(f"  deadline {deadline:>3} days: {e} kgCO2e in {t} days via {' + '.join(ids)}")
    else:
        print(f"  deadline {deadline:>3} days: none; the fastest path takes {min(x[0][1] for x in every)} days")
