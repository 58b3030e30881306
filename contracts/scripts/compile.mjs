// Compiles every contract under src/ with solc-js (offline) through the standard-JSON
// interface and writes one artifact per contract to artifacts/<Name>.json.
//   node scripts/compile.mjs           compile and write artifacts
//   node scripts/compile.mjs --check   compile and fail if artifacts/ differs (CI guard)
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const solc = require("solc");

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const srcDir = path.join(root, "src");
const outDir = path.join(root, "artifacts");
const check = process.argv.includes("--check");

// Fixed so artifacts are reproducible; Anvil's default hardfork supports it.
const EVM_VERSION = "cancun";
const OPTIMIZER_RUNS = 200;

function listSources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return entry.name.endsWith(".sol") ? [full] : [];
  });
}

const sources = {};
for (const file of listSources(srcDir).sort()) {
  const key = path.relative(root, file).split(path.sep).join("/");
  sources[key] = { content: fs.readFileSync(file, "utf8") };
}

// Imports resolve against node_modules only (e.g. @openzeppelin/contracts/...): no network.
function findImports(importPath) {
  for (const base of [root, path.join(root, "node_modules")]) {
    const candidate = path.join(base, importPath);
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, "utf8") };
  }
  return { error: `import not found: ${importPath}` };
}

const input = {
  language: "Solidity",
  sources,
  settings: {
    optimizer: { enabled: true, runs: OPTIMIZER_RUNS },
    evmVersion: EVM_VERSION,
    viaIR: false,
    metadata: { bytecodeHash: "none" },
    outputSelection: {
      "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object", "evm.methodIdentifiers", "metadata", "devdoc", "userdoc"] },
    },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
// Warnings inside dependencies (e.g. OpenZeppelin's Checkpoints.at) are not ours to fix: count them only.
const foreign = (diag) => diag.severity !== "error" && diag.sourceLocation && !diag.sourceLocation.file.startsWith("src/");
for (const diag of output.errors ?? []) if (!foreign(diag)) console.error(diag.formattedMessage);
const foreignCount = (output.errors ?? []).filter(foreign).length;
if (foreignCount > 0) console.error(`(${foreignCount} warnings in dependencies not shown)`);
if (errors.length > 0) process.exit(1);

const artifacts = new Map();
for (const [sourceName, contracts] of Object.entries(output.contracts ?? {})) {
  if (!sourceName.startsWith("src/")) continue; // only our own contracts get artifacts
  for (const [name, c] of Object.entries(contracts)) {
    if (!c.evm.bytecode.object) continue; // interfaces and abstract contracts
    if (c.abi.length === 0) continue; // libraries of internal constants/functions: nothing to call or deploy
    const artifact = {
      contractName: name,
      sourceName,
      compiler: { name: "solc", version: solc.version(), evmVersion: EVM_VERSION, optimizerRuns: OPTIMIZER_RUNS },
      abi: c.abi,
      bytecode: "0x" + c.evm.bytecode.object,
      deployedBytecode: "0x" + c.evm.deployedBytecode.object,
      methodIdentifiers: c.evm.methodIdentifiers,
      devdoc: c.devdoc,
      userdoc: c.userdoc,
      metadata: c.metadata,
    };
    artifacts.set(`${name}.json`, JSON.stringify(artifact, null, 2) + "\n");
  }
}

if (check) {
  const existing = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => f.endsWith(".json")) : [];
  const stale = [];
  for (const [file, text] of artifacts) {
    const target = path.join(outDir, file);
    if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== text) stale.push(file);
  }
  for (const file of existing) if (!artifacts.has(file)) stale.push(`${file} (no longer produced)`);
  if (stale.length > 0) {
    console.error(`contracts/artifacts is out of date: ${stale.join(", ")}. Run: npm --prefix contracts run compile`);
    process.exit(1);
  }
  console.log(`contracts/artifacts up to date (${artifacts.size} contracts, solc ${solc.version()})`);
} else {
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of fs.readdirSync(outDir)) if (file.endsWith(".json") && !artifacts.has(file)) fs.unlinkSync(path.join(outDir, file));
  for (const [file, text] of artifacts) fs.writeFileSync(path.join(outDir, file), text);
  console.log(`wrote ${artifacts.size} artifacts to contracts/artifacts (solc ${solc.version()}, evm ${EVM_VERSION})`);
}
