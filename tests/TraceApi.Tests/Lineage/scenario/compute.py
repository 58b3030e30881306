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

# 3./4./5. Smelter: pig iron 1000 TNE; smelting: ore 1550000 KGM (= 1550 TNE) via S1 -> pig iron 1000 TNE (one output: share 1)
Q_pig = Fr(1000)                        # TNE

# 7. Sea shipment S2: 950 TNE of pig iron, sea leg measured 43561.25 kgCO2e (primary)
q_S2 = Fr(950)
E_S2 = Fr("43561.25")

# 8. Mill batches: scrap 345000 KGM (own scope 1 by default factor), coil 1050 TNE, billet 85000 KGM
Q_scrap = Fr(345000)                    # KGM
scrap_s1 = Fr("2100.5")                 # default_factor: not primary
Q_coil = Fr(1050)                       # TNE
Q_billet = Fr(85000)                    # KGM
m_coil = Q_coil * KG_PER_T              # kg
m_billet = Q_billet                     # kg
share_coil = m_coil / (m_coil + m_billet)       # mass allocation
share_billet = m_billet / (m_coil + m_billet)

# 9. Steelmaking: pig iron 900 TNE via S2 + scrap 280 TNE (= 280000 KGM, the scrap's unit; own stock);
#    scope 1 98000 measured, scope 2 210000.3 calculated
c_pig = Fr(900)                         # TNE
c_scrap = Fr(280) * KG_PER_T            # KGM
mill_s1 = Fr(98000)
mill_s2 = Fr("210000.3")

# 10. Shipment S3: 200000 KGM of coil, no legs: transport not reported (adds nothing, and is marked)

# 11./12. Parts maker: door panels 14000 H87 (41.70 each), press scrap 12500 KGM (0.31 per kg), economic allocation;
#         stamping: coil 180000 KGM (= 180 TNE, the coil's unit) via S3; scope 1 3200 default factor, scope 2 12600 calculated
Q_part = Fr(14000)                      # H87
Q_press = Fr(12500)                     # KGM
value_part = Q_part * Fr("41.70")
value_press = Q_press * Fr("0.31")
share_part = value_part / (value_part + value_press)
share_press = value_press / (value_part + value_press)
c_coil = Fr(180000) / KG_PER_T          # TNE
part_s1 = Fr(3200)                      # default_factor: not primary
part_s2 = Fr(12600)                     # calculated


def comp(stage, key, kg, primary, verified, share=None):
    """One breakdown component as GetFootprint reports it: kgCO2e after allocation, its primary and verified parts."""
    return dict(stage=stage, key=key, kg=kg, primary=primary, verified=verified, share=share)


def figures(c_ore_t, smelt_s1, smelt_s2, energy_report_revoked):
    """Every batch's footprint, component by component, for one state of the scenario.

    c_ore_t, smelt_s1, smelt_s2: the current smelting record's ore input (TNE) and process emissions.
    energy_report_revoked: the smelter's energy report (cited by the smelting scope 2 figure) is revoked, so that figure
    is no longer verified (V counts figures whose own record and cited evidence are CONFIRMED and not withdrawn).
    Before that, every record is CONFIRMED and nothing is withdrawn, so V = F.
    """
    b = {}
    # Iron ore: own emissions only.
    b["ore"] = dict(Q=Q_ore, unit="TNE", components=[
        comp("OWN_SCOPE1", "", ore_s1, ore_s1, ore_s1),
        comp("OWN_SCOPE2", "", ore_s2, ore_s2, ore_s2)])
    F_ore, P_ore, V_ore = (sum(c[k] for c in b["ore"]["components"]) for k in ("kg", "primary", "verified"))

    # Pig iron: share 1 of smelting = s1 + s2 + c*F(ore)/Q(ore) + c*E(S1)/q(S1) (rail leg, default factor: not primary).
    s2_verified = Fr(0) if energy_report_revoked else smelt_s2
    b["pig-iron"] = dict(Q=Q_pig, unit="TNE", components=[
        comp("PROCESS_SCOPE1", "", smelt_s1, smelt_s1, smelt_s1, Fr(1)),
        comp("PROCESS_SCOPE2", "", smelt_s2, smelt_s2, s2_verified, Fr(1)),
        comp("INPUT", "ore", c_ore_t * F_ore / Q_ore, c_ore_t * P_ore / Q_ore, c_ore_t * V_ore / Q_ore, Fr(1)),
        comp("TRANSPORT_LEG", "ore-rail", c_ore_t * E_S1 / q_S1, Fr(0), c_ore_t * E_S1 / q_S1, Fr(1))])
    F_pig, P_pig, V_pig = (sum(c[k] for c in b["pig-iron"]["components"]) for k in ("kg", "primary", "verified"))

    # Scrap: own scope 1 by default factor.
    b["scrap"] = dict(Q=Q_scrap, unit="KGM", components=[comp("OWN_SCOPE1", "", scrap_s1, Fr(0), scrap_s1)])
    F_scrap, P_scrap, V_scrap = scrap_s1, Fr(0), scrap_s1

    # Coil and billet: their mass share of steelmaking.
    def mill_output(share):
        return [
            comp("PROCESS_SCOPE1", "", share * mill_s1, share * mill_s1, share * mill_s1, share),
            comp("PROCESS_SCOPE2", "", share * mill_s2, share * mill_s2, share * mill_s2, share),
            comp("INPUT", "pig-iron", share * c_pig * F_pig / Q_pig, share * c_pig * P_pig / Q_pig, share * c_pig * V_pig / Q_pig, share),
            comp("TRANSPORT_LEG", "pig-iron-sea", share * c_pig * E_S2 / q_S2, share * c_pig * E_S2 / q_S2, share * c_pig * E_S2 / q_S2, share),
            comp("INPUT", "scrap", share * c_scrap * F_scrap / Q_scrap, share * c_scrap * P_scrap / Q_scrap, share * c_scrap * V_scrap / Q_scrap, share)]
    b["coil"] = dict(Q=Q_coil, unit="TNE", components=mill_output(share_coil))
    b["billet"] = dict(Q=Q_billet, unit="KGM", components=mill_output(share_billet))
    F_coil, P_coil, V_coil = (sum(c[k] for c in b["coil"]["components"]) for k in ("kg", "primary", "verified"))

    # Door panels and press scrap: their economic share of stamping (S3 has no legs: no transport component).
    def part_output(share):
        return [
            comp("PROCESS_SCOPE1", "", share * part_s1, Fr(0), share * part_s1, share),
            comp("PROCESS_SCOPE2", "", share * part_s2, share * part_s2, share * part_s2, share),
            comp("INPUT", "coil", share * c_coil * F_coil / Q_coil, share * c_coil * P_coil / Q_coil, share * c_coil * V_coil / Q_coil, share)]
    b["door-panel"] = dict(Q=Q_part, unit="H87", components=part_output(share_part))
    b["press-scrap"] = dict(Q=Q_press, unit="KGM", components=part_output(share_press))

    for f in b.values():
        f["total"] = sum(c["kg"] for c in f["components"])
        f["perUnit"] = f["total"] / f["Q"]
        f["primary"] = sum(c["primary"] for c in f["components"])
        f["verified"] = sum(c["verified"] for c in f["components"])
        f["primaryShare"] = f["primary"] / f["total"]
        f["verifiedShare"] = f["verified"] / f["total"]
        f["scope1"] = sum(c["kg"] for c in f["components"] if c["stage"] in ("OWN_SCOPE1", "PROCESS_SCOPE1"))
        f["scope2"] = sum(c["kg"] for c in f["components"] if c["stage"] in ("OWN_SCOPE2", "PROCESS_SCOPE2"))
        f["scope3"] = sum(c["kg"] for c in f["components"] if c["stage"] in ("INPUT", "TRANSPORT_LEG"))

    # Contribution of each upstream batch to the door panels' footprint: F(x) times the fraction of x the door panels
    # embed, phi(door-panel) = 1, phi(input) = sum over edges input -> output of phi(output) * Share(T, output) * c / Q(input).
    phi_coil = share_part * c_coil / Q_coil
    phi_pig = phi_coil * share_coil * c_pig / Q_pig
    phi_scrap = phi_coil * share_coil * c_scrap / Q_scrap
    phi_ore = phi_pig * c_ore_t / Q_ore
    b["door-panel"]["contributions"] = {
        "door-panel": b["door-panel"]["total"], "coil": phi_coil * F_coil, "pig-iron": phi_pig * F_pig,
        "scrap": phi_scrap * F_scrap, "ore": phi_ore * F_ore}
    return b


ORIGINAL = figures(Fr(1550000) / KG_PER_T, Fr(1420000), Fr(95000), energy_report_revoked=False)
CORRECTED = figures(Fr("1562.5"), Fr(1397250), Fr(95000), energy_report_revoked=False)   # smelting superseded
REVOKED = figures(Fr("1562.5"), Fr(1397250), Fr(95000), energy_report_revoked=True)      # then the energy report revoked
STATES = (("Original", ORIGINAL), ("Corrected", CORRECTED), ("EnergyReportRevoked", REVOKED))


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


FIGURES = ("total", "perUnit", "primary", "primaryShare", "verified", "verifiedShare", "scope1", "scope2", "scope3")


def exact(x: Fr) -> bool:
    """True when x is a terminating decimal a C# decimal holds exactly (at most 28 digits after the point)."""
    return terminates(x) and len(dec(x, 40).partition(".")[2]) <= 28


def expected(x: Fr) -> str:
    """How the test states a figure: "=" + the exact value, or "~" + the value to 20 decimals (compared within tolerance)."""
    return "=" + dec(x, 28) if exact(x) else "~" + dec(x, 20)


def as_json(state):
    out = {}
    for name, f in state.items():
        out[name] = {"quantity": {"amount": dec(f["Q"]), "unit": f["unit"]}}
        out[name].update({k: expected(f[k]) for k in FIGURES})
        out[name]["breakdown"] = [{"stage": c["stage"], "of": c["key"], "kgCO2e": expected(c["kg"]),
                                   "primaryKgCO2e": expected(c["primary"]), "verifiedKgCO2e": expected(c["verified"]),
                                   **({"allocationShare": expected(c["share"])} if c["share"] is not None else {})}
                                  for c in f["components"]]
        if "contributions" in f:
            out[name]["contributionsToThisBatch"] = {k: expected(v) for k, v in f["contributions"].items()}
    return out


def csharp():
    """The expected figures as the C# the test hard-codes (SteelScenarioFigures.cs)."""
    lines = []
    for state_name, state in STATES:
        lines.append(f"    public static readonly IReadOnlyDictionary<string, BatchFigures> {state_name} = new Dictionary<string, BatchFigures>")
        lines.append("    {")
        for name, f in state.items():
            args = ", ".join(f'"{expected(f[k])}"' for k in FIGURES)
            lines.append(f'        ["{name}"] = new("{dec(f["Q"])}", "{f["unit"]}", {args},')
            lines.append("        [")
            for c in f["components"]:
                share = f'"{expected(c["share"])}"' if c["share"] is not None else '""'
                lines.append(f'            new(FootprintStage.{"".join(w.capitalize() for w in c["stage"].split("_"))}, "{c["key"]}", '
                             f'"{expected(c["kg"])}", "{expected(c["primary"])}", "{expected(c["verified"])}", {share}),')
            lines.append("        ]),")
        lines.append("    };")
        lines.append("")
        lines.append(f"    /// <summary>{state_name}: what flows into the door panels' footprint through each upstream batch.</summary>")
        lines.append(f"    public static readonly IReadOnlyDictionary<string, string> {state_name}DoorPanelContributions = new Dictionary<string, string>")
        lines.append("    {")
        for k, v in state["door-panel"]["contributions"].items():
            lines.append(f'        ["{k}"] = "{expected(v)}",')
        lines.append("    };")
        lines.append("")
    return "\n".join(lines)


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
    print(f"sea leg S2: {dec(E_S2)} kgCO2e measured; per TNE shipped {dec(E_S2 / q_S2)}")
    print(f"mass shares (steelmaking): coil {share_coil} = {dec(share_coil)}, billet {share_billet} = {dec(share_billet)}")
    print(f"economic shares (stamping): door panel {share_part} = {dec(share_part)}, press scrap {share_press} = {dec(share_press)}")
    print("figures: '=' exact (a terminating decimal), '~' rounded to 20 decimals (non-terminating)")
    for state_name, state in STATES:
        print(f"\n== {state_name}")
        for name, f in state.items():
            print(f"-- {name}: {dec(f['Q'])} {f['unit']}")
            for key in FIGURES:
                print(f"   {key:<14} {expected(f[key]):>42}")
            for c in f["components"]:
                print(f"   . {c['stage']:<14} {c['key']:<13} kg {expected(c['kg']):>40}   P {expected(c['primary']):>40}   V {expected(c['verified']):>40}")
            for k, v in f.get("contributions", {}).items():
                print(f"   > contribution of {k:<11} {expected(v):>40}")
    if "--json" in sys.argv:
        path = sys.argv[sys.argv.index("--json") + 1]
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({"generatedBy": "tests/TraceApi.Tests/Lineage/scenario/compute.py",
                       "notation": "'=' exact decimal value; '~' non-terminating, rounded to 20 decimals (compare within 1e-6 kgCO2e)",
                       "railFactorKgCO2ePerTonneKm": dec(RAIL_FACTOR),
                       **{state_name: as_json(state) for state_name, state in STATES}},
                      fh, indent=2)
            fh.write("\n")
    if "--csharp" in sys.argv:
        print("\n// ---- C# (SteelScenarioFigures.cs)\n" + csharp())


if __name__ == "__main__":
    main()
