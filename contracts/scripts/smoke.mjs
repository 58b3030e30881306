// Dev smoke test: starts Anvil on a free port, deploys ParticipantRegistry + EvidenceRegistry from
// artifacts/, and exercises them end to end (registration, anchoring, verify() statuses, the time
// history, direct and relayed revoke / supersede / endorse / flag, replay), then prints gas figures.
//   node scripts/compile.mjs && node scripts/smoke.mjs [--big]
// --big also builds a 100,000-leaf tree to show anchorBatch gas does not depend on the leaf count
// and to measure verify() with a 17-level proof. Not the acceptance tests (those are C#).
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ethers } from "ethers";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const anvilBin = path.join(root, "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
const artifact = (name) => JSON.parse(fs.readFileSync(path.join(root, "artifacts", `${name}.json`), "utf8"));
const big = process.argv.includes("--big");

const Status = ["VALID", "UNKNOWN_ROOT", "BAD_PROOF", "BAD_SIGNATURE", "UNKNOWN_ISSUER", "KEY_RETIRED",
  "ISSUER_SUSPENDED", "ISSUER_NOT_AUTHORISED", "REVOKED", "SUPERSEDED"];
const ROLE = { OPERATOR: 1, SUPPLIER: 2, CARRIER: 4, VERIFIER: 8, REGULATOR: 16, BUYER: 32 };
const CLAIM_TYPES = {
  EvidenceClaim: [
    { name: "contentHash", type: "bytes32" }, { name: "kind", type: "uint8" }, { name: "subject", type: "bytes32" },
    { name: "issuer", type: "address" }, { name: "issuedAt", type: "uint64" }, { name: "nonce", type: "bytes32" },
  ],
};
const RELAY_TYPES = {
  Revocation: [{ name: "claimDigest", type: "bytes32" }, { name: "reason", type: "uint16" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint64" }],
  Supersession: [{ name: "claimDigest", type: "bytes32" }, { name: "newClaimDigest", type: "bytes32" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint64" }],
  Endorsement: [{ name: "claimDigest", type: "bytes32" }, { name: "code", type: "uint16" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint64" }],
  Flag: [{ name: "claimDigest", type: "bytes32" }, { name: "reason", type: "uint16" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint64" }],
  Unflag: [{ name: "claimDigest", type: "bytes32" }, { name: "reason", type: "uint16" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint64" }],
};

let failures = 0;
let checks = 0;
function check(ok, what) {
  checks++;
  if (ok) console.log(`  ok   ${what}`);
  else { failures++; console.log(`  FAIL ${what}`); }
}
function eq(actual, expected, what) {
  check(String(actual) === String(expected), `${what}${String(actual) === String(expected) ? "" : ` (got ${actual}, want ${expected})`}`);
}
async function expectRevert(promise, errorName, what) {
  try {
    await promise;
    check(false, `${what}: reverts with ${errorName} (it did not revert)`);
  } catch (e) {
    let name = e.revert?.name;
    const data = e.data ?? e.info?.error?.data;
    if (!name && typeof data === "string" && data.length >= 10) name = errorsInterface.parseError(data)?.name;
    name ??= e.shortMessage ?? e.message;
    check(name === errorName, `${what}: reverts with ${errorName}${name === errorName ? "" : ` (got ${name})`}`);
  }
}

// Every custom error either contract can raise (including OpenZeppelin's), for decoding revert data.
const errorsInterface = new ethers.Interface([...artifact("ParticipantRegistry").abi, ...artifact("EvidenceRegistry").abi]
  .filter((f) => f.type === "error")
  .filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i));

const freePort = () => new Promise((resolve, reject) => {
  const srv = net.createServer();
  srv.once("error", reject);
  srv.listen(0, "127.0.0.1", () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
});

async function startAnvil() {
  const port = await freePort();
  const child = spawn(anvilBin, ["--port", String(port), "--host", "127.0.0.1", "--silent", "--chain-id", "31337"], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }) });
      if (res.ok) return { child, url };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("anvil did not start");
}

const gas = {};
async function send(label, txPromise) {
  const tx = await txPromise;
  const receipt = await tx.wait();
  if (label) gas[label] = receipt.gasUsed;
  return receipt;
}

async function main() {
  const { child, url } = await startAnvil();
  try {
    await run(url);
  } finally {
    child.kill();
  }
  console.log(`\n${checks - failures}/${checks} checks passed`);
  if (failures > 0) process.exit(1);
}

async function run(url) {
  const provider = new ethers.JsonRpcProvider(url, undefined, { staticNetwork: true, pollingInterval: 50, cacheTimeout: -1 });
  const mnemonic = "test test test test test test test test test test test junk";
  const funded = (i) => ethers.HDNodeWallet.fromPhrase(mnemonic, undefined, `m/44'/60'/0'/0/${i}`).connect(provider);
  const [admin, operator, supplierA, verifier, regulator, relayer, carrier, buyer, verifier2] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map(funded);
  // Keys that never hold ether: they act only through relayed signatures.
  const supplierB = ethers.Wallet.createRandom();
  const stranger = ethers.Wallet.createRandom();
  const chainId = 31337n;
  const increaseTime = async (seconds) => { await provider.send("evm_increaseTime", [seconds]); await provider.send("evm_mine", []); };
  const now = async () => (await provider.getBlock("latest")).timestamp;

  console.log("deploy");
  const PR = artifact("ParticipantRegistry");
  const ER = artifact("EvidenceRegistry");
  const pr = await (await new ethers.ContractFactory(PR.abi, PR.bytecode, admin).deploy(admin.address)).waitForDeployment();
  const prDeploy = await provider.getTransactionReceipt(pr.deploymentTransaction().hash);
  const er = await (await new ethers.ContractFactory(ER.abi, ER.bytecode, admin).deploy(await pr.getAddress())).waitForDeployment();
  const erDeploy = await provider.getTransactionReceipt(er.deploymentTransaction().hash);
  gas["deploy ParticipantRegistry"] = prDeploy.gasUsed;
  gas["deploy EvidenceRegistry"] = erDeploy.gasUsed;
  eq(await pr.version(), "1.0.0", "ParticipantRegistry.version()");
  eq(await er.version(), "1.0.0", "EvidenceRegistry.version()");
  const domain = { name: "Trace", version: "1", chainId, verifyingContract: await er.getAddress() };
  eq(await er.domainSeparator(), ethers.TypedDataEncoder.hashDomain(domain), "domainSeparator matches ethers");

  console.log("participants");
  const id = (name) => ethers.id(`participant:${name}`);
  const P = { op: id("trace-operator"), sup: id("acme-steel"), car: id("fast-freight"), ver: id("cbam-verifier"), ver2: id("iso-verifier"), reg: id("customs"), buy: id("buyer-gmbh") };
  const meta = (name) => [`ipfs://meta/${name}`, ethers.sha256(ethers.toUtf8Bytes(name))];
  const estRegister = await pr.registerParticipant.estimateGas(P.sup, ...meta("acme"), ROLE.SUPPLIER, [supplierA.address, supplierB.address]);
  await send("registerParticipant (1 key)", pr.registerParticipant(P.op, ...meta("op"), ROLE.OPERATOR, [operator.address]));
  await send("registerParticipant (2 keys)", pr.registerParticipant(P.sup, ...meta("acme"), ROLE.SUPPLIER, [supplierA.address, supplierB.address]));
  gas["registerParticipant (2 keys, estimateGas)"] = estRegister;
  await send(null, pr.registerParticipant(P.car, ...meta("car"), ROLE.CARRIER, [carrier.address]));
  await send(null, pr.registerParticipant(P.ver, ...meta("ver"), ROLE.VERIFIER, [verifier.address]));
  await send(null, pr.registerParticipant(P.ver2, ...meta("ver2"), ROLE.VERIFIER, [verifier2.address]));
  await send(null, pr.registerParticipant(P.reg, ...meta("reg"), ROLE.REGULATOR, [regulator.address]));
  await send(null, pr.registerParticipant(P.buy, ...meta("buy"), ROLE.BUYER, [buyer.address]));
  const info = await pr.participant(P.sup);
  eq(`${info.metadataURI} ${info.active} ${info.roles} ${info.keyCount}`, "ipfs://meta/acme true 2 2", "participant(acme) view");
  await expectRevert(pr.connect(operator).registerParticipant(id("x"), "", ethers.ZeroHash, 0, [stranger.address]), "AccessControlUnauthorizedAccount", "non-admin registers");
  await expectRevert(pr.registerParticipant(P.sup, "", ethers.ZeroHash, 0, [stranger.address]), "ParticipantAlreadyRegistered", "duplicate id");
  await expectRevert(pr.registerParticipant(id("y"), "", ethers.ZeroHash, 64, [stranger.address]), "UnknownRoles", "undefined role bit");
  await expectRevert(pr.registerParticipant(id("y"), "", ethers.ZeroHash, 2, [supplierA.address]), "KeyAlreadyRegistered", "key reuse across participants");
  await expectRevert(pr.grantRole(ethers.id("SUPPLIER"), stranger.address), "UnsupportedAccessControlRole", "AccessControl role other than admin");
  await expectRevert(pr.grantRoles(P.sup, ROLE.SUPPLIER), "RolesUnchanged", "granting a held role");
  // Anvil may give consecutive blocks the same timestamp; changes sharing a timestamp share a checkpoint.
  await increaseTime(1);
  await send("grantRoles", pr.grantRoles(P.car, ROLE.SUPPLIER));
  await increaseTime(1);
  await send("revokeRoles", pr.revokeRoles(P.car, ROLE.SUPPLIER));

  console.log("claims, tree, anchoring");
  const t0 = await now();
  const mkClaim = (signer, kind, n) => ({
    contentHash: ethers.sha256(ethers.toUtf8Bytes(`content ${n}`)), kind, subject: ethers.id(`urn:epc:id:sgtin:4012345.011111.${n}`),
    issuer: signer.address, issuedAt: BigInt(t0), nonce: ethers.hexlify(ethers.randomBytes(32)),
  });
  const signClaim = async (signer, claim) => ({ claim, signature: await signer.signTypedData(domain, CLAIM_TYPES, claim), digest: ethers.TypedDataEncoder.hash(domain, CLAIM_TYPES, claim) });
  const records = [
    await signClaim(supplierA, mkClaim(supplierA, 1, 1)), // 0 direct revoke later
    await signClaim(supplierB, mkClaim(supplierB, 7, 2)), // 1 relayed revoke later
    await signClaim(supplierB, mkClaim(supplierB, 16, 3)), // 2 relayed supersede later
    await signClaim(carrier, mkClaim(carrier, 4, 4)), // 3 endorse / flag
    await signClaim(stranger, mkClaim(stranger, 1, 5)), // 4 unregistered issuer
    await signClaim(supplierA, mkClaim(supplierA, 9, 6)), // 5 undefined kind
    await signClaim(buyer, mkClaim(buyer, 1, 7)), // 6 buyer may not issue
    await signClaim(supplierA, mkClaim(supplierA, 5, 8)), // 7 stays valid across later retirement
  ];
  eq(await er.claimDigest(records[0].claim), records[0].digest, "claimDigest matches ethers TypedDataEncoder");
  const tree = StandardMerkleTree.of(records.map((r) => [r.digest]), ["bytes32"]);
  eq(await er.leafOf(records[0].digest), tree.leafHash([records[0].digest]), "leafOf matches StandardMerkleTree.leafHash");
  const proofOf = (t, digest) => t.getProof([digest]);
  await expectRevert(er.connect(supplierA).anchorBatch(tree.root, records.length, ""), "Unauthorised", "non-operator anchors");
  const anchorEst1 = await er.connect(operator).anchorBatch.estimateGas(tree.root, 1, "ipfs://batch/1");
  const anchorEst100k = await er.connect(operator).anchorBatch.estimateGas(tree.root, 100000, "ipfs://batch/1");
  gas["anchorBatch estimateGas count=1"] = anchorEst1;
  gas["anchorBatch estimateGas count=100000"] = anchorEst100k;
  const anchorReceipt = await send("anchorBatch (8 leaves)", er.connect(operator).anchorBatch(tree.root, records.length, "ipfs://batch/1"));
  const rootInfo = await er.rootInfo(tree.root);
  const anchorBlock = await provider.getBlock(anchorReceipt.blockNumber);
  eq(`${rootInfo.operator} ${rootInfo.anchoredAt} ${rootInfo.blockNumber} ${rootInfo.count}`,
    `${operator.address} ${anchorBlock.timestamp} ${anchorReceipt.blockNumber} 8`, "rootInfo records operator, time, block, count");
  await expectRevert(er.connect(operator).anchorBatch(tree.root, 8, ""), "RootAlreadyAnchored", "root anchored twice");
  await expectRevert(er.connect(operator).anchorBatch(ethers.ZeroHash, 8, ""), "InvalidRoot", "zero root");
  await expectRevert(er.connect(operator).anchorBatch(ethers.id("r"), 0, ""), "EmptyBatch", "zero count");

  console.log("verify");
  const verify = (r, t = tree, rootHash = t.root, proof = proofOf(t, r.digest), signature = r.signature) => er.verify(r.claim, signature, rootHash, proof);
  const statusOf = async (...a) => Status[Number(await verify(...a))];
  eq(await statusOf(records[0]), "VALID", "supplier claim verifies VALID");
  eq(await statusOf(records[3]), "VALID", "carrier claim verifies VALID");
  eq(await statusOf(records[0], tree, ethers.id("nope")), "UNKNOWN_ROOT", "unknown root");
  eq(await statusOf(records[0], tree, tree.root, proofOf(tree, records[1].digest)), "BAD_PROOF", "wrong proof");
  eq(await statusOf(records[0], tree, tree.root, proofOf(tree, records[0].digest), records[1].signature), "BAD_SIGNATURE", "signature by someone else");
  eq(await statusOf(records[0], tree, tree.root, proofOf(tree, records[0].digest), "0x1234"), "BAD_SIGNATURE", "malformed signature");
  eq(await statusOf(records[4]), "UNKNOWN_ISSUER", "unregistered issuer");
  eq(await statusOf(records[5]), "ISSUER_NOT_AUTHORISED", "undefined kind 9");
  eq(await statusOf(records[6]), "ISSUER_NOT_AUTHORISED", "buyer issuing evidence");
  gas["verify (8-leaf tree, estimateGas)"] = await er.verify.estimateGas(records[0].claim, records[0].signature, tree.root, proofOf(tree, records[0].digest));

  console.log("time history");
  await increaseTime(10);
  const tRetire = (await send("retireKey", pr.connect(supplierA).retireKey(supplierA.address, 1)), await now());
  await expectRevert(pr.connect(supplierA).addKey(P.sup, stranger.address), "NotParticipantKeyOrAdmin", "retired key adds a key");
  await increaseTime(10);
  const late = [await signClaim(supplierA, mkClaim(supplierA, 1, 100)), await signClaim(supplierB, mkClaim(supplierB, 1, 101))];
  const tree2 = StandardMerkleTree.of(late.map((r) => [r.digest]), ["bytes32"]);
  await send(null, er.connect(operator).anchorBatch(tree2.root, 2, "ipfs://batch/2"));
  eq(await statusOf(late[0], tree2), "KEY_RETIRED", "claim by a key retired before anchoring");
  eq(await statusOf(late[1], tree2), "VALID", "claim by the participant's other key");
  eq(await statusOf(records[7]), "VALID", "claim anchored before the retirement stays VALID");
  eq(await pr.isAuthorisedAt(supplierA.address, ROLE.SUPPLIER, tRetire - 1), true, "isAuthorisedAt(retired key, supplier, before retirement)");
  eq(await pr.isAuthorisedAt(supplierA.address, ROLE.SUPPLIER, tRetire), false, "isAuthorisedAt(retired key, supplier, at retirement)");
  eq(await pr.isAuthorisedAt(supplierB.address, ROLE.CARRIER, tRetire), false, "isAuthorisedAt(supplier key, carrier role)");

  await increaseTime(10);
  await send("suspendParticipant", pr.suspendParticipant(P.car, 7));
  const tSuspend = await now();
  await increaseTime(10);
  const susp = [await signClaim(carrier, mkClaim(carrier, 4, 200))];
  const tree3 = StandardMerkleTree.of(susp.map((r) => [r.digest]), ["bytes32"]);
  await send(null, er.connect(operator).anchorBatch(tree3.root, 1, ""));
  eq(await statusOf(susp[0], tree3), "ISSUER_SUSPENDED", "claim anchored while the issuer is suspended");
  eq(await statusOf(records[3]), "VALID", "claim anchored before the suspension stays VALID");
  await expectRevert(pr.connect(carrier).addKey(P.car, stranger.address), "NotParticipantKeyOrAdmin", "suspended participant's key adds a key");
  await expectRevert(er.connect(carrier).endorse(records[0].claim, tree.root, proofOf(tree, records[0].digest), 1), "Unauthorised", "suspended, non-verifier endorses");
  await send(null, er.connect(carrier).revoke(susp[0].claim, tree3.root, proofOf(tree3, susp[0].digest), 4));
  check((await er.claimState(susp[0].digest)).revokedAt > 0n, "a suspended issuer may still revoke its claim");
  await increaseTime(10);
  await send("reactivateParticipant", pr.reactivateParticipant(P.car));
  const again = [await signClaim(carrier, mkClaim(carrier, 4, 201))];
  const tree4 = StandardMerkleTree.of(again.map((r) => [r.digest]), ["bytes32"]);
  await send(null, er.connect(operator).anchorBatch(tree4.root, 1, ""));
  eq(await statusOf(again[0], tree4), "VALID", "claim anchored after reactivation");
  await expectRevert(er.connect(carrier).supersede(again[0].claim, tree4.root, proofOf(tree4, again[0].digest), again[0].digest), "InvalidSuccessor", "supersede by itself");
  await send("supersede (direct)", er.connect(carrier).supersede(again[0].claim, tree4.root, proofOf(tree4, again[0].digest), ethers.id("successor")));
  eq(await statusOf(again[0], tree4), "SUPERSEDED", "after direct supersede: SUPERSEDED");
  await expectRevert(er.connect(carrier).supersede(again[0].claim, tree4.root, proofOf(tree4, again[0].digest), ethers.id("successor2")), "ClaimAlreadySuperseded", "second supersede");
  eq(await statusOf(susp[0], tree3), "ISSUER_SUSPENDED", "the suspended-time root still reports ISSUER_SUSPENDED");
  const [activeThen] = await pr.statusAt(P.car, tSuspend);
  eq(activeThen, false, "statusAt(carrier, suspension time).active");
  eq(await pr.statusHistoryLength(P.car), 5n, "carrier status history has 5 checkpoints (register, grant, revoke, suspend, reactivate)");
  const h3 = await pr.statusHistoryAt(P.car, 3);
  eq(`${h3.since} ${h3.active} ${h3.roles}`, `${tSuspend} false ${ROLE.CARRIER}`, "statusHistoryAt(carrier, 3) is the suspension");

  console.log("revoke (direct, relayed, replay)");
  const deadline = BigInt((await now()) + 3600);
  // records[0] is supplierA's; supplierA is retired now, so the still-active supplierB acts for acme.
  await expectRevert(er.connect(supplierA).revoke(records[0].claim, tree.root, proofOf(tree, records[0].digest), 1), "NotIssuer", "retired key revokes");
  await expectRevert(er.connect(carrier).revoke(records[1].claim, tree.root, proofOf(tree, records[1].digest), 1), "NotIssuer", "another participant revokes");
  await expectRevert(er.connect(carrier).revoke(records[3].claim, tree.root, proofOf(tree, records[1].digest), 1), "InvalidProof", "revoke with a wrong proof");
  const direct = await signClaim(carrier, mkClaim(carrier, 4, 300));
  const tree5 = StandardMerkleTree.of([[direct.digest], [records[3].digest]], ["bytes32"]);
  await send(null, er.connect(operator).anchorBatch(tree5.root, 2, ""));
  eq(await statusOf(direct, tree5), "VALID", "carrier claim VALID before revocation");
  await send("revoke (direct)", er.connect(carrier).revoke(direct.claim, tree5.root, proofOf(tree5, direct.digest), 3));
  eq(await statusOf(direct, tree5), "REVOKED", "after direct revoke: REVOKED");
  await expectRevert(er.connect(carrier).revoke(direct.claim, tree5.root, proofOf(tree5, direct.digest), 3), "ClaimAlreadyRevoked", "second revoke");

  const r1 = records[1];
  const nonce0 = await er.nonces(supplierB.address);
  const revMsg = { claimDigest: r1.digest, reason: 2, nonce: nonce0, deadline };
  const revSig = await supplierB.signTypedData(domain, { Revocation: RELAY_TYPES.Revocation }, revMsg);
  const relayArgs = [r1.claim, tree.root, proofOf(tree, r1.digest), 2, supplierB.address, nonce0, deadline, revSig];
  await expectRevert(er.connect(relayer).revokeBySig(r1.claim, tree.root, proofOf(tree, r1.digest), 3, supplierB.address, nonce0, deadline, revSig), "InvalidRelayedSignature", "relayed revoke with an altered reason");
  await send("revokeBySig (relayed)", er.connect(relayer).revokeBySig(...relayArgs));
  eq(await statusOf(r1), "REVOKED", "after relayed revoke by a gasless key: REVOKED");
  eq(await er.nonces(supplierB.address), nonce0 + 1n, "signer nonce consumed");
  await expectRevert(er.connect(relayer).revokeBySig(...relayArgs), "InvalidAccountNonce", "replayed relayed revoke");
  const state = await er.claimState(r1.digest);
  eq(`${state.revocationReason} ${state.revokedBy}`, `2 ${supplierB.address}`, "claimState records reason and actor");
  const expired = BigInt((await now()) - 1);
  const r2 = records[2];
  const n1 = await er.nonces(supplierB.address);
  const expSig = await supplierB.signTypedData(domain, { Revocation: RELAY_TYPES.Revocation }, { claimDigest: r2.digest, reason: 1, nonce: n1, deadline: expired });
  await expectRevert(er.connect(relayer).revokeBySig(r2.claim, tree.root, proofOf(tree, r2.digest), 1, supplierB.address, n1, expired, expSig), "SignatureExpired", "expired relayed revoke");

  console.log("supersede (relayed)");
  const successor = await signClaim(supplierB, mkClaim(supplierB, 16, 400));
  const supMsg = { claimDigest: r2.digest, newClaimDigest: successor.digest, nonce: n1, deadline };
  const supSig = await supplierB.signTypedData(domain, { Supersession: RELAY_TYPES.Supersession }, supMsg);
  await send("supersedeBySig (relayed)", er.connect(relayer).supersedeBySig(r2.claim, tree.root, proofOf(tree, r2.digest), successor.digest, supplierB.address, n1, deadline, supSig));
  eq(await statusOf(r2), "SUPERSEDED", "after relayed supersede: SUPERSEDED");
  eq((await er.claimState(r2.digest)).supersededBy, successor.digest, "claimState.supersededBy");

  console.log("endorse and flag");
  const r3 = records[3];
  const p3 = proofOf(tree, r3.digest);
  const estEndorse = await er.connect(verifier).endorse.estimateGas(r3.claim, tree.root, p3, 1);
  await send("endorse (direct)", er.connect(verifier).endorse(r3.claim, tree.root, p3, 1));
  gas["endorse (estimateGas, first)"] = estEndorse;
  await expectRevert(er.connect(verifier).endorse(r3.claim, tree.root, p3, 1), "AlreadyEndorsed", "second endorsement by the same verifier");
  await expectRevert(er.connect(carrier).endorse(r3.claim, tree.root, p3, 1), "Unauthorised", "non-verifier endorses");
  const nv = await er.nonces(verifier2.address);
  const endSig = await verifier2.signTypedData(domain, { Endorsement: RELAY_TYPES.Endorsement }, { claimDigest: r3.digest, code: 2, nonce: nv, deadline });
  await send("endorseBySig (relayed)", er.connect(relayer).endorseBySig(r3.claim, tree.root, p3, 2, verifier2.address, nv, deadline, endSig));
  const e = await er.endorsementOf(r3.digest, P.ver2);
  eq(`${e.code} ${e.by}`, `2 ${verifier2.address}`, "endorsementOf(verifier2)");
  await send("flag (direct)", er.connect(regulator).flag(r3.claim, tree.root, p3, 5));
  await expectRevert(er.connect(regulator).flag(r3.claim, tree.root, p3, 5), "AlreadyFlagged", "second flag by the same regulator");
  let cs = await er.claimState(r3.digest);
  eq(`${cs.endorsements} ${cs.openFlags}`, "2 1", "claimState: 2 endorsements, 1 open flag");
  eq(await statusOf(r3), "VALID", "a flag does not invalidate");
  await send("unflag (direct)", er.connect(regulator).unflag(r3.digest, 9));
  await expectRevert(er.connect(regulator).unflag(r3.digest, 9), "NotFlagged", "unflag without an open flag");
  const nr = await er.nonces(regulator.address);
  const flagSig = await regulator.signTypedData(domain, { Flag: RELAY_TYPES.Flag }, { claimDigest: r3.digest, reason: 6, nonce: nr, deadline });
  await send("flagBySig (relayed)", er.connect(relayer).flagBySig(r3.claim, tree.root, p3, 6, regulator.address, nr, deadline, flagSig));
  const unSig = await regulator.signTypedData(domain, { Unflag: RELAY_TYPES.Unflag }, { claimDigest: r3.digest, reason: 1, nonce: nr + 1n, deadline });
  await send("unflagBySig (relayed)", er.connect(relayer).unflagBySig(r3.digest, 1, regulator.address, nr + 1n, deadline, unSig));
  cs = await er.claimState(r3.digest);
  eq(`${cs.endorsements} ${cs.openFlags}`, "2 0", "claimState after relayed flag + unflag");
  // Self-endorsement: a participant holding supplier and verifier roles endorsing its own claim.
  await send(null, pr.grantRoles(P.car, ROLE.VERIFIER));
  await expectRevert(er.connect(carrier).endorse(r3.claim, tree.root, p3, 1), "SelfEndorsement", "verifier endorses its own participant's claim");

  console.log("addKey by an existing key");
  const fresh = ethers.Wallet.createRandom();
  await send("addKey (by participant key)", pr.connect(carrier).addKey(P.car, fresh.address));
  const ki = await pr.keyInfo(fresh.address);
  eq(ki.participantId, P.car, "keyInfo(new key).participantId");

  console.log("shared vector eip712.json 'claim' (registry code placed at the vector's verifyingContract)");
  const vec = JSON.parse(fs.readFileSync(path.join(root, "../../shared/vectors/eip712.json"), "utf8")).cases.find((c) => c.name === "claim");
  if (vec) {
    await provider.send("anvil_setCode", [vec.domain.verifyingContract, await provider.getCode(await er.getAddress())]);
    const clone = new ethers.Contract(vec.domain.verifyingContract, ER.abi, operator);
    eq(await clone.domainSeparator(), vec.domainSeparator, "vector domainSeparator");
    eq(await clone.claimDigest(vec.message), vec.digest, "vector claim digest");
    await send(null, pr.registerParticipant(id("vector"), "", ethers.ZeroHash, ROLE.SUPPLIER, [vec.signer]));
    const vtree = StandardMerkleTree.of([[vec.digest], [ethers.id("other")]], ["bytes32"]);
    await send(null, clone.anchorBatch(vtree.root, 2, ""));
    eq(Status[Number(await clone.verify(vec.message, vec.signature, vtree.root, vtree.getProof([vec.digest])))], "VALID", "vector claim + signature verify VALID");
    // The worked Revocation example of docs/contracts.md (relayed, nonce 0, deadline 2100-01-01).
    const docSig = "0xc6dcc1d2c55d342e4f85f53e854777415ace8de2f45692bed0e2947603a814dd54e3a342d08c9ef7972ae0ca45217f92afb2aa574cfefb994af9aa143ed32d841b";
    const docMsg = { claimDigest: vec.digest, reason: 2, nonce: 0n, deadline: 4102444800n };
    eq(await new ethers.Wallet(vec.privateKey).signTypedData(vec.domain, { Revocation: RELAY_TYPES.Revocation }, docMsg), docSig, "docs' Revocation example signature");
    await send(null, clone.connect(relayer).revokeBySig(vec.message, vtree.root, vtree.getProof([vec.digest]), 2, vec.signer, 0n, 4102444800n, docSig));
    eq(Status[Number(await clone.verify(vec.message, vec.signature, vtree.root, vtree.getProof([vec.digest])))], "REVOKED", "vector claim REVOKED by the docs' relayed example");
  }

  if (big) {
    console.log("100,000-leaf tree");
    const started = Date.now();
    const values = Array.from({ length: 100000 }, (_, i) => [ethers.keccak256(ethers.toBeHex(i, 32))]);
    values[0] = [records[7].digest];
    const bigTree = StandardMerkleTree.of(values, ["bytes32"], { sortLeaves: false });
    console.log(`  built in ${Date.now() - started} ms`);
    gas["anchorBatch (100,000 leaves)"] = (await send(null, er.connect(operator).anchorBatch(bigTree.root, 100000, "ipfs://batch/1"))).gasUsed;
    const bigProof = bigTree.getProof(0);
    eq(Status[Number(await er.verify(records[7].claim, records[7].signature, bigTree.root, bigProof))], "KEY_RETIRED", "claim of the now-retired key in a new 100k root");
    gas[`verify (100,000-leaf tree, ${bigProof.length}-hash proof, estimateGas)`] = await er.verify.estimateGas(records[7].claim, records[7].signature, bigTree.root, bigProof);
  }

  console.log("\ngas used");
  for (const [label, used] of Object.entries(gas)) console.log(`  ${label.padEnd(58)} ${used}`);
}

main().catch((e) => { console.error(e.shortMessage ?? e.message, e.revert ?? e.info ?? "", e.stack?.split("\n").slice(1, 4).join("\n")); process.exit(1); });
