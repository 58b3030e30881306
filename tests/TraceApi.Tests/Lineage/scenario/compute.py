#!/usr/bin/env python3
"""The steel scenario (issue 12 acceptance) computed by hand, in exact rationals.

This is the hand calculation the scenario test (LineageScenarioTests.cs) and docs/examples/steel-scenario
hard-code their expected figures from. It does not run or import any Trace code: every figure below is
written out with the formula of docs/lineage.md ("The roll-up") and evaluated with fractions.Fraction, so no
rounding happens anywhere; the printed decimals are the exact values, rounded only for display (30 decimals;
"exact" means the rational terminates and the printed digits are the whole value).

It also checks that the record files under docs/examples/steel-scenario/records state the numbers used here,
so the records, this calculation and the test cannot drift apart.

    python3 tests/TraceApi.Tests/Lineage/scenario/compute.py            # prints every figure
    python3 tests/TraceApi.Tests/Lineage/scenario/compute.py --json F   # also writes them as JSON (docs expected.json)

The roll-up (docs/lineage.md), per batch b with quantity Q(b):
  own(b)   = scope1(b) + scope2(b) of the batch record
  U(S)     = E(S) / q(S) + U(parent(S))        E(S) = sum of leg emissions, q(S) in the batch's unit
  Total(T) = s1(T) + s2(T) + sum_i [ c_i * F(in_i) / Q(in_i) + c_i * U(S_i) ]
  F(b)     = own(b) + Share(T, b) * Total(T)   Share: mass m_b / sum m_o (kg), economic q_b*v_b / sum q_o*v_o
  I(b)     = F(b) / Q(b)
  P(b)     = the same over primary figures only (measured, calculated, measured legs); default-factor figures count 0
A default-factor leg: kgCO2e = distanceKm * mass(t) * factor(mode); mass = cargoMass in tonnes, else quantity.
"""
from fractions import Fraction as Fr
from decimal import Decimal, getcontext
import json
import os
import sys

getcontext().prec = 60
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
RECORDS = os.path.join(REPO, "docs", "examples", "steel-scenario", "records")

# ---------------------------------------------------------------------------------------------------------
# The pinned transport factor set (the operator factor file the test writes; docs/examples/.../factors.json).
RAIL_FACTOR = Fr("0.0187")   # kgCO2e per tonne-km, rail, default-factor legs only

# Units: KGM = 1 kg, TNE = 1000 kg (exact).
KG_PER_T = Fr(1000)

# ---------------------------------------------------------------------------------------------------------
# 1. Iron ore (mine, batch with own scope 1 and 2), 7000 TNE
Q_ore = Fr(7000)                        # TNE
ore_s1 = Fr("84312.5")                  # measured
ore_s2 = Fr("20150")                    # calculated
F_ore = ore_s1 + ore_s2
P_ore = ore_s1 + ore_s2                 # both primary

# 2. Rail shipment S1: 3000 TNE of ore, cargoMass 3012500 KGM, rail 892 km by default factor
q_S1 = Fr(3000)                         # TNE (the ore's unit)
cargo_S1_t = Fr(3012500) / KG_PER_T     # KGM -> t = 3012.5
E_S1 = Fr(892) * cargo_S1_t * RAIL_FACTOR   # default factor: not primary
U_S1 = E_S1 / q_S1                      # kgCO2e per TNE of ore shipped
U_S1_primary = Fr(0)

# 3./4./5. Smelter: pig iron 1000 TNE, transformation: ore 1550000 KGM via S1 -> pig iron
Q_pig = Fr(1000)                        # TNE


def smelter(c_ore_t, s1, s2):
    """Total(T_smelt) and its parts for ore consumed c_ore_t (in TNE, the ore batch's unit)."""
    material = c_ore_t * F_ore / Q_ore
    transport = c_ore_t * U_S1
    total = s1 + s2 + material + transport
    primary = s1 + s2 + c_ore_t * P_ore / Q_ore + c_ore_t * U_S1_primary
    return dict(s1=s1, s2=s2, material=material, transport=transport, total=total, primary=primary)


# 7. Sea shipment S2: 950 TNE of pig iron, sea leg measured 43561.25 kgCO2e (primary)
q_S2 = Fr(950)
E_S2 = Fr("43561.25")
U_S2 = E_S2 / q_S2

# 8. Mill batches: scrap 345000 KGM (own scope 1 by default factor), coil 1050 TNE, billet 85000 KGM
Q_scrap = Fr(345000)                    # KGM
scrap_s1 = Fr("2100.5")                 # default_factor: not primary
F_scrap = scrap_s1
P_scrap = Fr(0)
Q_coil = Fr(1050)                       # TNE
Q_billet = Fr(85000)                    # KGM
m_coil = Q_coil * KG_PER_T              # kg
m_billet = Q_billet                     # kg
share_coil = m_coil / (m_coil + m_billet)
share_billet = m_billet / (m_coil + m_billet)

# 9. Steelmaking: pig iron 900 TNE via S2 + scrap 280 TNE (= 280000 KGM, own stock); s1 98000 measured, s2 210000.3 calc
c_pig = Fr(900)                         # TNE
c_scrap = Fr(280) * KG_PER_T            # TNE -> KGM, the scrap batch's unit
mill_s1 = Fr(98000)
mill_s2 = Fr("210000.3")

# 10. Shipment S3: 200000 KGM of coil (= 200 TNE), no legs: transport not reported, counts 0
U_S3 = Fr(0)

# 11./12. Parts maker: door panels 14000 H87 (41.70 each), press scrap 12500 KGM (0.31 per kg), economic allocation
Q_part = Fr(14000)                      # H87
Q_press = Fr(12500)                     # KGM
value_part = Q_part * Fr("41.70")
value_press = Q_press * Fr("0.31")
share_part = value_part / (value_part + value_press)
share_press = value_press / (value_part + value_press)
c_coil = Fr(180000) / KG_PER_T          # 180000 KGM -> TNE, the coil batch's unit
part_s1 = Fr(3200)                      # default_factor: not primary
part_s2 = Fr(12600)                     # calculated


def downstream(smelt):
    """Every batch's figures given the smelter's transformation (original or corrected)."""
    F_pig = smelt["total"]              # one output: share 1, no own emissions
    P_pig = smelt["primary"]

    mill_pig_material = c_pig * F_pig / Q_pig
    mill_pig_transport = c_pig * U_S2
    mill_scrap_material = c_scrap * F_scrap / Q_scrap
    T_mill = mill_s1 + mill_s2 + mill_pig_material + mill_pig_transport + mill_scrap_material
    P_mill = mill_s1 + mill_s2 + c_pig * P_pig / Q_pig + c_pig * U_S2 + c_scrap * P_scrap / Q_scrap
    F_coil, F_billet = share_coil * T_mill, share_billet * T_mill
    P_coil, P_billet = share_coil * P_mill, share_billet * P_mill

    part_coil_material = c_coil * F_coil / Q_coil
    part_coil_transport = c_coil * U_S3
    T_part = part_s1 + part_s2 + part_coil_material + part_coil_transport
    P_T_part = part_s2 + c_coil * P_coil / Q_coil
    F_part, F_press = share_part * T_part, share_press * T_part
    P_part, P_press = share_part * P_T_part, share_press * P_T_part

    def batch(F, P, Q, unit, s1, s2, s3, parts):
        return dict(total=F, intensity=F / Q, quantity=Q, unit=unit, primary=P, primaryShare=P / F,
                    scope1=s1, scope2=s2, scope3=s3, breakdown=parts)

    ore = batch(F_ore, P_ore, Q_ore, "TNE", ore_s1, ore_s2, Fr(0),
                dict(ownScope1=ore_s1, ownScope2=ore_s2))
    pig = batch(F_pig, P_pig, Q_pig, "TNE", smelt["s1"], smelt["s2"], smelt["material"] + smelt["transport"],
                dict(share=Fr(1), processScope1=smelt["s1"], processScope2=smelt["s2"],
                     input_ore_material=smelt["material"], input_ore_transport=smelt["transport"],
                     leg_rail=smelt["transport"]))
    scrap = batch(F_scrap, P_scrap, Q_scrap, "KGM", scrap_s1, Fr(0), Fr(0), dict(ownScope1=scrap_s1))

    def mill_output(share, F, P, Q, unit):
        return batch(F, P, Q, unit, share * mill_s1, share * mill_s2,
                     share * (mill_pig_material + mill_pig_transport + mill_scrap_material),
                     dict(share=share, processScope1=share * mill_s1, processScope2=share * mill_s2,
                          input_pig_material=share * mill_pig_material, input_pig_transport=share * mill_pig_transport,
                          input_scrap_material=share * mill_scrap_material, leg_sea=share * mill_pig_transport,
                          unallocated_input_pig_material=mill_pig_material,
                          unallocated_input_pig_transport=mill_pig_transport,
                          unallocated_input_scrap_material=mill_scrap_material,
                          transformationTotal=T_mill))

    def part_output(share, F, P, Q, unit):
        return batch(F, P, Q, unit, share * part_s1, share * part_s2,
                     share * (part_coil_material + part_coil_transport),
                     dict(share=share, processScope1=share * part_s1, processScope2=share * part_s2,
                          input_coil_material=share * part_coil_material, input_coil_transport=share * part_coil_transport,
                          unallocated_input_coil_material=part_coil_material,
                          transformationTotal=T_part))

    return {
        "ore": ore,
        "pig": pig,
        "scrap": scrap,
        "coil": mill_output(share_coil, F_coil, P_coil, Q_coil, "TNE"),
        "billet": mill_output(share_billet, F_billet, P_billet, Q_billet, "KGM"),
        "part": part_output(share_part, F_part, P_part, Q_part, "H87"),
        "pressScrap": part_output(share_press, F_press, P_press, Q_press, "KGM"),
    }


ORIGINAL = downstream(smelter(Fr(1550000) / KG_PER_T, Fr(1420000), Fr(95000)))      # 1550000 KGM = 1550 TNE
CORRECTED = downstream(smelter(Fr("1562.5"), Fr(1397250), Fr(95000)))              # after the superseding record
CHANGED_BY_CORRECTION = ["pig", "coil", "billet", "part", "pressScrap"]
MARKED_BY_REVOCATION = ["pig", "coil", "billet", "part", "pressScrap"]             # downstream of the energy report


# ---------------------------------------------------------------------------------------------------------
def terminates(x: Fr) -> bool:
    d = x.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def dec(x: Fr, places: int = 30) -> str:
    """x rounded half-even to `places` decimals (exact when x terminates within them), trailing zeros removed."""
    q = (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal(1).scaleb(-places))
    s = format(q, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def as_json(figures):
    out = {}
    for name, f in figures.items():
        out[name] = {k: (dec(v) if isinstance(v, Fr) else v) for k, v in f.items() if k != "breakdown"}
        out[name]["exact"] = {k: terminates(v) for k, v in f.items() if isinstance(v, Fr)}
        out[name]["breakdown"] = {k: dec(v) for k, v in f["breakdown"].items()}
    return out


def check_records():
    """The record files state the numbers used above (so docs, this script and the test agree)."""
    def load(name):
        with open(os.path.join(RECORDS, name), encoding="utf-8") as fh:
            return json.load(fh)

    def eq(actual, expected, what):
        if Fr(actual) != expected:
            sys.exit(f"records drifted from the hand calculation: {what} is {actual}, the calculation uses {expected}")

    ore = load("01-ore.batch.json")
    eq(ore["quantity"]["amount"], Q_ore, "ore quantity"); eq(ore["emissions"]["scope1"]["kgCO2e"], ore_s1, "ore scope1")
    eq(ore["emissions"]["scope2"]["kgCO2e"], ore_s2, "ore scope2")
    s1 = load("02-ore-rail.shipment.json")
    eq(s1["quantity"]["amount"], q_S1, "S1 quantity"); eq(s1["cargoMass"]["amount"], cargo_S1_t * KG_PER_T, "S1 cargoMass (KGM)")
    eq(s1["legs"][0]["distanceKm"], Fr(892), "S1 rail distance"); assert "kgCO2e" not in s1["legs"][0]
    smelt = load("05-smelting.transformation.json")
    eq(smelt["inputs"][0]["quantity"]["amount"], Fr(1550000), "smelting ore input (KGM)")
    eq(smelt["emissions"]["scope1"]["kgCO2e"], Fr(1420000), "smelting scope1"); eq(smelt["emissions"]["scope2"]["kgCO2e"], Fr(95000), "smelting scope2")
    fixed = load("13-smelting-corrected.transformation.json")
    eq(fixed["inputs"][0]["quantity"]["amount"], Fr("1562.5"), "corrected ore input (TNE)")
    eq(fixed["emissions"]["scope1"]["kgCO2e"], Fr(1397250), "corrected scope1"); eq(fixed["emissions"]["scope2"]["kgCO2e"], Fr(95000), "corrected scope2")
    s2 = load("07-pig-iron-sea.shipment.json")
    eq(s2["quantity"]["amount"], q_S2, "S2 quantity"); eq(s2["legs"][0]["kgCO2e"], E_S2, "S2 sea leg")
    scrap = load("08a-scrap.batch.json")
    eq(scrap["quantity"]["amount"], Q_scrap, "scrap quantity"); eq(scrap["emissions"]["scope1"]["kgCO2e"], scrap_s1, "scrap scope1")
    eq(load("08b-coil.batch.json")["quantity"]["amount"], Q_coil, "coil quantity")
    eq(load("08c-billet.batch.json")["quantity"]["amount"], Q_billet, "billet quantity")
    mill = load("09-steelmaking.transformation.json")
    eq(mill["inputs"][0]["quantity"]["amount"], c_pig, "mill pig input (TNE)"); eq(mill["inputs"][1]["quantity"]["amount"], c_scrap / KG_PER_T, "mill scrap input (TNE)")
    eq(mill["emissions"]["scope1"]["kgCO2e"], mill_s1, "mill scope1"); eq(mill["emissions"]["scope2"]["kgCO2e"], mill_s2, "mill scope2")
    eq(load("10-coil.shipment.json")["quantity"]["amount"], Fr(200000), "S3 quantity (KGM)")
    eq(load("11a-door-panel.batch.json")["quantity"]["amount"], Q_part, "door panels")
    eq(load("11b-press-scrap.batch.json")["quantity"]["amount"], Q_press, "press scrap")
    part = load("12-stamping.transformation.json")
    eq(part["inputs"][0]["quantity"]["amount"], c_coil * KG_PER_T, "stamping coil input (KGM)")
    eq(part["outputs"][0]["economicValuePerUnit"], Fr("41.70"), "door panel value"); eq(part["outputs"][1]["economicValuePerUnit"], Fr("0.31"), "press scrap value")
    eq(part["emissions"]["scope1"]["kgCO2e"], part_s1, "stamping scope1"); eq(part["emissions"]["scope2"]["kgCO2e"], part_s2, "stamping scope2")
    with open(os.path.join(RECORDS, "..", "factors.json"), encoding="utf-8") as fh:
        rows = json.load(fh)["rows"]
    eq(next(r for r in rows if r["mode"] == "rail")["kgCO2ePerTonneKm"], RAIL_FACTOR, "rail factor")


def main():
    check_records()
    print(f"rail leg S1: 892 km x {dec(cargo_S1_t)} t x {dec(RAIL_FACTOR)} = {dec(E_S1)} kgCO2e; per TNE shipped {dec(U_S1)}")
    print(f"sea leg S2: {dec(E_S2)} kgCO2e measured; per TNE shipped {dec(U_S2)}")
    print(f"mass shares (mill): coil {share_coil} = {dec(share_coil)}, billet {share_billet} = {dec(share_billet)}")
    print(f"economic shares (parts maker): door panel {share_part} = {dec(share_part)}, press scrap {share_press} = {dec(share_press)}")
    for title, figures in (("ORIGINAL", ORIGINAL), ("CORRECTED (smelting superseded)", CORRECTED)):
        print(f"\n== {title}")
        for name, f in figures.items():
            print(f"-- {name}: {f['quantity']} {f['unit']}")
            for key in ("total", "intensity", "primary", "primaryShare", "scope1", "scope2", "scope3"):
                print(f"   {key:<13} {dec(f[key]):>40}  {'exact' if terminates(f[key]) else ''}")
            for key, value in f["breakdown"].items():
                print(f"   . {key:<33} {dec(value):>40}")
    if "--json" in sys.argv:
        path = sys.argv[sys.argv.index("--json") + 1]
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({"generatedBy": "tests/TraceApi.Tests/Lineage/scenario/compute.py",
                       "railFactorKgCO2ePerTonneKm": dec(RAIL_FACTOR),
                       "original": as_json(ORIGINAL), "corrected": as_json(CORRECTED),
                       "changedByCorrection": CHANGED_BY_CORRECTION, "markedByEnergyReportRevocation": MARKED_BY_REVOCATION},
                      fh, indent=2)
            fh.write("\n")


if __name__ == "__main__":
    main()
