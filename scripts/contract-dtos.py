#!/usr/bin/env python3
"""Writes typed Nethereum DTOs ([Function], [FunctionOutput], [Event], [Error] and struct classes) from a compiled
contract's ABI in contracts/artifacts/<Name>.json.

    python3 scripts/contract-dtos.py <Name> <namespace> <output.cs>

Run it again after changing a contract; the output is committed (no build step needs Python)."""
import json
import re
import sys

name, namespace, output = sys.argv[1], sys.argv[2], sys.argv[3]
abi = json.load(open(f"contracts/artifacts/{name}.json"))["abi"]

SMALL = {8: "byte", 16: "ushort", 32: "uint", 48: "ulong", 64: "ulong"}
structs = {}


def pascal(text):
    text = text.lstrip("_")
    return text[:1].upper() + text[1:] if text else text


def struct_name(param):
    internal = param.get("internalType", "")
    match = re.match(r"struct (?:\w+\.)?(\w+)", internal)
    return match.group(1) if match else pascal(param["name"]) + "Tuple"


def cs_type(param):
    t = param["type"]
    if t.endswith("[]"):
        inner = dict(param, type=t[:-2])
        return f"List<{cs_type(inner)}>"
    if t == "tuple":
        s = struct_name(param)
        structs[s] = param["components"]
        return s
    if t == "address" or t == "string":
        return "string"
    if t == "bool":
        return "bool"
    if t.startswith("bytes"):
        return "byte[]"
    match = re.match(r"uint(\d+)$", t)
    if match:
        return SMALL.get(int(match.group(1)), "BigInteger")
    if t.startswith("int"):
        return "BigInteger"
    raise SystemExit(f"unsupported ABI type {t}")


# Members of Nethereum's ContractMessageBase that a function parameter must not hide.
MESSAGE_MEMBERS = {"Nonce", "Gas", "GasPrice", "AmountToSend", "FromAddress", "MaxFeePerGas", "MaxPriorityFeePerGas",
                   "TransactionType", "AccessList", "AuthorisationList"}


def properties(params, indexed=False, message=False, unnamed="Arg"):
    lines = []
    for i, p in enumerate(params, 1):
        prop = pascal(p["name"]) or f"{unnamed}{i}"
        if message and prop in MESSAGE_MEMBERS:
            prop += "Param"
        extra = ", true" if indexed and p.get("indexed") else (", false" if indexed else "")
        lines.append(f'    [Parameter("{p["type"]}", "{p["name"]}", {i}{extra})]')
        lines.append(f"    public {cs_type(p)} {prop} {{ get; set; }}")
        lines.append("")
    return lines[:-1] if lines else lines


out = []
for item in abi:
    kind = item["type"]
    if kind == "function":
        fname = pascal(item["name"])
        outputs = item.get("outputs", [])
        out.append(f'/// <summary>{name}.{item["name"]}({", ".join(p["type"] for p in item["inputs"])}).</summary>')
        if outputs:
            out.append(f'[Function("{item["name"]}", typeof({fname}Output))]')
        else:
            out.append(f'[Function("{item["name"]}")]')
        out.append(f"public partial class {fname}Function : FunctionMessage")
        out.append("{")
        out += properties(item["inputs"], message=True)
        out.append("}")
        out.append("")
        if outputs:
            out.append(f'/// <summary>What {name}.{item["name"]} returns.</summary>')
            out.append("[FunctionOutput]")
            out.append(f"public partial class {fname}Output : IFunctionOutputDTO")
            out.append("{")
            out += properties(outputs, unnamed="ReturnValue")
            out.append("}")
            out.append("")
    elif kind == "event":
        ename = pascal(item["name"])
        out.append(f'/// <summary>{name} event {item["name"]}.</summary>')
        out.append(f'[Event("{item["name"]}")]')
        out.append(f"public partial class {ename}Event : IEventDTO")
        out.append("{")
        out += properties(item["inputs"], indexed=True)
        out.append("}")
        out.append("")
    elif kind == "error":
        ename = pascal(item["name"])
        out.append(f'/// <summary>{name} custom error {item["name"]}.</summary>')
        out.append(f'[Error("{item["name"]}")]')
        out.append(f"public partial class {ename}Error")
        out.append("{")
        out += properties(item["inputs"])
        out.append("}")
        out.append("")
    elif kind == "constructor":
        out.append(f"/// <summary>{name}'s constructor; set ByteCode from the artifact to deploy.</summary>")
        out.append(f"public partial class {name}Deployment : ContractDeploymentMessage")
        out.append("{")
        out.append(f"    public {name}Deployment() : base(string.Empty) {{ }}")
        out.append("")
        out.append(f"    public {name}Deployment(string byteCode) : base(byteCode) {{ }}")
        props = properties(item["inputs"], message=True)
        if props:
            out.append("")
            out += props
        out.append("}")
        out.append("")

if not any(item["type"] == "constructor" for item in abi):
    out.append(f"/// <summary>{name}'s (parameterless) constructor; set ByteCode from the artifact to deploy.</summary>")
    out.append(f"public partial class {name}Deployment : ContractDeploymentMessage")
    out.append("{")
    out.append(f"    public {name}Deployment() : base(string.Empty) {{ }}")
    out.append("")
    out.append(f"    public {name}Deployment(string byteCode) : base(byteCode) {{ }}")
    out.append("}")
    out.append("")

struct_out = []
done = set()
while len(done) < len(structs):
    for s, components in list(structs.items()):
        if s in done:
            continue
        done.add(s)
        struct_out.append(f"/// <summary>The ABI tuple {s}.</summary>")
        struct_out.append(f"public partial class {s}")
        struct_out.append("{")
        struct_out += properties(components)
        struct_out.append("}")
        struct_out.append("")

header = f"""// <auto-generated>
// Written by scripts/contract-dtos.py from contracts/artifacts/{name}.json; edit the contract and run it again.
// </auto-generated>
using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace {namespace};

"""
open(output, "w").write(header + "\n".join(struct_out + out).rstrip() + "\n")
