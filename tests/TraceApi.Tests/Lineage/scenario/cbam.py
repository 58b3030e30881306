#!/usr/bin/env python3
"""CBAM figures of the steel scenario (issue 15 acceptance), computed by hand in exact rationals.

Like compute.py, this runs no Trace code: it reads the record files under docs/examples/steel-scenario/records and
evaluates the CBAM embedded-emission recurrence of docs/cbam.md with fractions.Fraction (no rounding anywhere):

  Dir(b) = scope1(b) + A_b( s1(T) + sum_i c_i * Dir(in_i) / Q(in_i) )     (CBAM: attributed direct emissions plus
  Ind(b) = scope2(b) + A_b( s2(T) + sum_i c_i * Ind(in_i) / Q(in_i) )      the precursors' embedded emissions;
  A_b(x) = m_b / sum_o m_o * x  (mass allocation, outputs in kg)           transport legs are outside the CBAM boundary)
  Def(b) = the same over default-factor figures only
  specific (SEE) = Dir(b) / mass(b) in kgCO2e per kg = tCO2e per tonne

    python3 tests/TraceApi.Tests/Lineage/scenario/cbam.py
"""
from fractions import Fraction as Fr
from decimal import Decimal, getcontext
import json
import os

getcontext().prec = 60
HERE = os.path.dirname(os.path.abspath(__file__))
RECORDS = os.path.join(HERE, "..", "..", "..", "..", "docs", "examples", "steel-scenario", "records")
KG = {"KGM": Fr(1), "TNE": Fr(1000)}


def record(name):
    with open(os.path.join(RECORDS, name)) as f:
        return json.load(f)


def figure(rec, scope):
    e = rec.get("emissions", {}).get(scope)
    return (Fr(e["kgCO2e"]), e["method"]) if e else (Fr(0), None)


ore, pig, scrap, coil, billet = (record(n) for n in
    ["01-ore.batch.json", "04-pig-iron.batch.json", "08a-scrap.batch.json", "08b-coil.batch.json", "08c-billet.batch.json"])
smelting, steelmaking = record("05-smelting.transformation.json"), record("09-steelmaking.transformation.json")

def qty(rec):
    return Fr(rec["quantity"]["amount"]), rec["quantity"]["unit"]

# Ore: own figures only (measured scope 1, calculated scope 2).
dir_ore, ind_ore = figure(ore, "scope1")[0], figure(ore, "scope2")[0]
def_ore = Fr(0)
q_ore, u_ore = qty(ore)
assert (dir_ore, ind_ore, q_ore, u_ore) == (Fr("84312.5"), Fr(20150), Fr(7000), "TNE")

# Smelting: 1550000 KGM of ore = 1550 TNE in the ore's unit; one output (pig iron), so A = 1.
c_ore = Fr(smelting["inputs"][0]["quantity"]["amount"]) * KG[smelting["inputs"][0]["quantity"]["unit"]] / KG[u_ore]
assert c_ore == 1550
dir_pig = figure(smelting, "scope1")[0] + c_ore * dir_ore / q_ore
ind_pig = figure(smelting, "scope2")[0] + c_ore * ind_ore / q_ore
def_pig = Fr(0)
q_pig, u_pig = qty(pig)

# Scrap: own scope 1 by default factor.
dir_scrap, m = figure(scrap, "scope1")
assert (dir_scrap, m) == (Fr("2100.5"), "default_factor")
ind_scrap, def_scrap = Fr(0), dir_scrap
q_scrap, u_scrap = qty(scrap)

# Steelmaking: 900 TNE pig iron, 280 TNE scrap = 280000 KGM (the scrap's unit); outputs coil 1050 TNE, billet 85000 KGM.
c_pig = Fr(steelmaking["inputs"][0]["quantity"]["amount"]) * KG[steelmaking["inputs"][0]["quantity"]["unit"]] / KG[u_pig]
c_scrap = Fr(steelmaking["inputs"][1]["quantity"]["amount"]) * KG[steelmaking["inputs"][1]["quantity"]["unit"]] / KG[u_scrap]
assert (c_pig, c_scrap) == (900, 280000)
dir_t = figure(steelmaking, "scope1")[0] + c_pig * dir_pig / q_pig + c_scrap * dir_scrap / q_scrap
ind_t = figure(steelmaking, "scope2")[0] + c_pig * ind_pig / q_pig + c_scrap * ind_scrap / q_scrap
def_t = c_pig * def_pig / q_pig + c_scrap * def_scrap / q_scrap
m_coil = qty(coil)[0] * KG[qty(coil)[1]]
m_billet = qty(billet)[0] * KG[qty(billet)[1]]
share_coil = m_coil / (m_coil + m_billet)
dir_coil, ind_coil, def_coil = share_coil * dir_t, share_coil * ind_t, share_coil * def_t


def show(name, value):
    d = Decimal(value.numerator) / Decimal(value.denominator)
    print(f"{name:34s} {value.numerator}/{value.denominator} = {d:.24f}")


show("Dir(pig iron) kg", dir_pig)
show("Ind(pig iron) kg", ind_pig)
show("SEE direct pig iron t/t", dir_pig / (q_pig * 1000))
show("SEE indirect pig iron t/t", ind_pig / (q_pig * 1000))
show("Dir(coil) kg", dir_coil)
show("Ind(coil) kg", ind_coil)
show("Def(coil) kg", def_coil)
show("SEE direct coil t/t", dir_coil / m_coil)
show("SEE indirect coil t/t", ind_coil / m_coil)
show("share of default values (coil)", def_coil / (dir_coil + ind_coil))
show("pig iron in coil, direct t", share_coil * c_pig * dir_pig / q_pig / 1000)
show("pig iron in coil, indirect t", share_coil * c_pig * ind_pig / q_pig / 1000)
show("scrap in coil, direct t", share_coil * c_scrap * dir_scrap / q_scrap / 1000)
