#!/usr/bin/env python3
"""CBAM cost scenarios for the steel scenario's pig iron (issue 16 acceptance), computed by hand in exact rationals.

Runs no Trace code. The pig iron (CN 72011011, installation BR-INST-SLZ-2, 1000 TNE) is the good Brazil's smelter
exports to the EU. Its embedded emissions follow docs/cbam.md (cbam.py computes the same):

  Dir(pig) = s1(smelting) + c x Dir(ore) / Q(ore) = 1420000 + 1550 x 84312.5 / 7000 kg
  Ind(pig) = s2(smelting) + c x Ind(ore) / Q(ore) =   95000 + 1550 x 20150   / 7000 kg

CBAM cost (docs/decisions.md), the test's default-value row: direct 1.9 + indirect 0.35 tCO2e/t, indirect priced:
  a = (Dir + Ind) / 1000 t                      actual, from the lineage
  v = the part of a whose figures are VERIFIED  (record and cited evidence CONFIRMED, not withdrawn, not default factor)
  d = mass t x (1.9 + 0.35)                     default values
  w = v + ((a - v) x d) / a                     priced with Trace's data: the unverified share at default
  cost(p) = tCO2e x (p - min(origin price, p))  origin price 5 EUR/t from a VERIFIED carbon-price-paid record

    python3 tests/TraceApi.Tests/Decisions/scenario/cbam_cost.py
"""
from fractions import Fraction as Fr
from decimal import Decimal, getcontext

getcontext().prec = 60

dir_pig = Fr(1420000) + Fr(1550) * Fr("84312.5") / Fr(7000)
ind_pig = Fr(95000) + Fr(1550) * Fr(20150) / Fr(7000)
a = (dir_pig + ind_pig) / 1000
d = Fr(1000) * (Fr("1.9") + Fr("0.35"))
origin = Fr(5)


def show(name, value):
    print(f"{name:44s} {value.numerator}/{value.denominator} = {Decimal(value.numerator) / Decimal(value.denominator):.24f}")


def case(title, v):
    w = v + (a - v) * d / a
    print(f"\n{title}")
    show("  verified v (t)", v)
    show("  with Trace data w (t)", w)
    for p in (Fr(80), Fr(130)):
        net = p - min(origin, p)
        show(f"  price {p}: cost with Trace data (EUR)", w * net)
        show(f"  price {p}: cost with defaults (EUR)", d * net)
        show(f"  price {p}: difference (EUR)", d * net - w * net)


show("actual a (t)", a)
show("default d (t)", d)
# Every record CONFIRMED: the ore's measured/calculated figures and the smelting's, with the energy report cited by s2.
case("all records confirmed", a)
# The smelter revokes its energy report: the smelting's scope 2 (95000 kg, which cites it) is no longer verified.
case("energy report revoked", a - Fr(95))
