// Prints the ABI surface of the deployable contracts as Markdown (functions with selectors,
// events with topic0, errors with selectors), for docs/contracts.md and the C# bindings.
//   node scripts/interface.mjs > /tmp/interface.md
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ethers } from "ethers";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
for (const name of ["ParticipantRegistry", "EvidenceRegistry"]) {
  const { abi } = JSON.parse(fs.readFileSync(path.join(root, "artifacts", `${name}.json`), "utf8"));
  const iface = new ethers.Interface(abi);
  const fmt = (f) => f.format("full").replace(/^(function|event|error) /, "");
  console.log(`### ${name}\n`);
  console.log("| selector | function |\n|---|---|");
  iface.forEachFunction((f) => console.log(`| \`${f.selector}\` | \`${fmt(f)}\` |`));
  console.log("\n| topic0 | event |\n|---|---|");
  iface.forEachEvent((e) => console.log(`| \`${e.topicHash}\` | \`${fmt(e)}\` |`));
  console.log("\n| selector | error |\n|---|---|");
  iface.forEachError((e) => console.log(`| \`${e.selector}\` | \`${fmt(e)}\` |`));
  console.log();
}
