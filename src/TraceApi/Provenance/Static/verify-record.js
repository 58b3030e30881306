// Trace: checks one record's proof bundle in the browser, trusting neither Trace nor this page's server for the verdict.
// The steps are those of docs/proof-bundle.md: subject, EIP-712 digest, signature, Merkle leaf and proof computed here
// with ethers (served by Trace, MIT licence), then the chain asked directly over JSON-RPC: chain id, the root's record
// (EvidenceRegistry.rootInfo), the anchoring transaction, and the contract's own verdict (EvidenceRegistry.verify).
(function () {
  "use strict";
  var E = window.ethers;
  var STATUS = ["VALID", "UNKNOWN_ROOT", "BAD_PROOF", "BAD_SIGNATURE", "UNKNOWN_ISSUER", "KEY_RETIRED", "ISSUER_SUSPENDED",
    "ISSUER_NOT_AUTHORISED", "REVOKED", "SUPERSEDED"];
  var CLAIM = "tuple(bytes32 contentHash,uint8 kind,bytes32 subject,address issuer,uint64 issuedAt,bytes32 nonce)";
  var registry = new E.Interface([
    "function rootInfo(bytes32 root) view returns (tuple(address operator,uint48 anchoredAt,uint48 blockNumber,uint32 count))",
    "function verify(" + CLAIM + " claim, bytes signature, bytes32 root, bytes32[] proof) view returns (uint8)",
    "function claimState(bytes32 digest) view returns (tuple(uint48 revokedAt,uint16 revocationReason,address revokedBy,uint32 endorsements," +
      "bytes32 supersededBy,uint48 supersededAt,address supersededByActor,uint32 openFlags))"
  ]);
  var bundle = JSON.parse(document.getElementById("bundle").textContent);
  var list = document.getElementById("checks");
  var verdict = document.getElementById("verdict");

  function check(name, passed, detail) {
    var item = document.createElement("li");
    item.className = passed ? "pass" : "fail";
    item.dataset.check = name;
    item.textContent = name + ": " + detail;
    list.appendChild(item);
    if (!passed) throw new Error(name + ": " + detail);
  }

  var rpcId = 0;
  async function rpc(url, method, params) {
    var response = await fetch(url, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method: method, params: params })
    });
    if (!response.ok) throw new Error(method + ": HTTP " + response.status);
    var body = await response.json();
    if (body.error) throw new Error(method + ": " + (body.error.message || JSON.stringify(body.error)));
    return body.result;
  }

  function same(a, b) { return String(a).toLowerCase() === String(b).toLowerCase(); }

  async function run() {
    list.textContent = "";
    verdict.className = "";
    verdict.textContent = "Checking…";
    verdict.dataset.result = "";
    var url = document.getElementById("rpc").value.trim();
    try {
      check("format", bundle.format === "trace.proof-bundle/v1", bundle.format);
      var claim = bundle.claim;
      check("subject", same(E.keccak256(E.toUtf8Bytes(bundle.subjectId)), claim.subject), "keccak256 of " + bundle.subjectId);
      var domain = { name: bundle.domain.name, version: bundle.domain.version, chainId: bundle.domain.chainId, verifyingContract: bundle.domain.verifyingContract };
      var types = { EvidenceClaim: [
        { name: "contentHash", type: "bytes32" }, { name: "kind", type: "uint8" }, { name: "subject", type: "bytes32" },
        { name: "issuer", type: "address" }, { name: "issuedAt", type: "uint64" }, { name: "nonce", type: "bytes32" }] };
      var digest = E.TypedDataEncoder.hash(domain, types, claim);
      check("record_id", same(digest, bundle.recordId), "EIP-712 digest " + digest);
      check("domain", Number(bundle.domain.chainId) === Number(bundle.anchor.chainId) && same(bundle.domain.verifyingContract, bundle.anchor.registry),
        "signed for chain " + bundle.domain.chainId + ", contract " + bundle.domain.verifyingContract);
      var signer = E.recoverAddress(digest, bundle.signature);
      check("signature", same(signer, claim.issuer), "signed by " + signer);
      var leaf = E.keccak256(E.keccak256(digest));
      check("merkle_leaf", same(leaf, bundle.merkle.leaf), leaf);
      var h = leaf;
      bundle.merkle.proof.forEach(function (p) {
        h = BigInt(h) <= BigInt(p) ? E.keccak256(E.concat([h, p])) : E.keccak256(E.concat([p, h]));
      });
      check("merkle_proof", same(h, bundle.merkle.root), bundle.merkle.proof.length + " sibling hashes lead to root " + h);

      var chainId = BigInt(await rpc(url, "eth_chainId", []));
      if (chainId !== BigInt(bundle.anchor.chainId)) {
        verdict.className = "bad";
        verdict.dataset.result = "WRONG_CHAIN";
        verdict.textContent = "This endpoint serves chain " + chainId + ", the record is anchored on chain " + bundle.anchor.chainId + ": use an endpoint of that chain.";
        return;
      }
      check("chain_id", true, "the endpoint serves chain " + chainId);
      var info = registry.decodeFunctionResult("rootInfo", await rpc(url, "eth_call",
        [{ to: bundle.anchor.registry, data: registry.encodeFunctionData("rootInfo", [bundle.merkle.root]) }, "latest"]))[0];
      check("root_on_chain", info.anchoredAt > 0n && Number(info.blockNumber) === Number(bundle.anchor.blockNumber),
        info.anchoredAt > 0n ? "root recorded in block " + info.blockNumber + " at " + new Date(Number(info.anchoredAt) * 1000).toISOString() : "the registry does not know this root");
      var receipt = await rpc(url, "eth_getTransactionReceipt", [bundle.anchor.txHash]);
      check("anchor_transaction", !!receipt && receipt.status === "0x1" && same(receipt.to, bundle.anchor.registry) &&
        Number(receipt.blockNumber) === Number(bundle.anchor.blockNumber) && same(receipt.blockHash, bundle.anchor.blockHash),
        receipt ? "transaction " + bundle.anchor.txHash + " succeeded in block " + Number(receipt.blockNumber) : "no such transaction");
      var head = Number(await rpc(url, "eth_blockNumber", []));
      var status = Number(registry.decodeFunctionResult("verify", await rpc(url, "eth_call", [{
        to: bundle.anchor.registry,
        data: registry.encodeFunctionData("verify", [[claim.contentHash, claim.kind, claim.subject, claim.issuer, claim.issuedAt, claim.nonce],
          bundle.signature, bundle.merkle.root, bundle.merkle.proof])
      }, "latest"]))[0]);
      var name = STATUS[status] || ("status " + status);
      var confirmations = head - Number(bundle.anchor.blockNumber) + 1;
      var when = new Date(Number(info.anchoredAt) * 1000).toISOString().replace("T", " ").slice(0, 16) + " UTC";
      if (name === "VALID") {
        check("registry_verify", true, "the EvidenceRegistry answers VALID");
        // verify() ignores regulator flags, so they are read here (claimState); an open flag keeps the record from VERIFIED.
        var state = registry.decodeFunctionResult("claimState", await rpc(url, "eth_call",
          [{ to: bundle.anchor.registry, data: registry.encodeFunctionData("claimState", [digest]) }, "latest"]))[0];
        var openFlags = Number(state.openFlags), endorsements = Number(state.endorsements);
        if (openFlags > 0) {
          list.appendChild(Object.assign(document.createElement("li"), { className: "fail",
            textContent: "regulator_flags: " + openFlags + " open regulator flag(s) on chain; " + endorsements + " endorsement(s)" }));
          list.lastChild.dataset.check = "regulator_flags";
          verdict.className = "bad";
          verdict.dataset.result = "FLAGGED";
          verdict.textContent = "Flagged: the proof holds, but a regulator has flagged this record on chain and the flag is open.";
          return;
        }
        check("regulator_flags", true, "no open regulator flag; " + endorsements + " endorsement(s)");
        verdict.className = "ok";
        verdict.dataset.result = "VERIFIED";
        verdict.textContent = "Verified: issuer " + claim.issuer + " signed this record and it was anchored on chain " + chainId +
          " on " + when + " (" + confirmations + " confirmations). The content itself was not checked here.";
      } else {
        list.appendChild(Object.assign(document.createElement("li"), { className: "fail", textContent: "registry_verify: the EvidenceRegistry answers " + name }));
        verdict.className = "bad";
        verdict.dataset.result = name;
        verdict.textContent = (name === "REVOKED" ? "Revoked: the proof holds, but the issuer revoked this record on chain."
          : name === "SUPERSEDED" ? "Superseded: the proof holds, but the issuer replaced this record on chain."
          : "Not verified: the chain answers " + name + ".");
      }
    } catch (e) {
      verdict.className = "bad";
      verdict.dataset.result = verdict.dataset.result || "FAILED";
      verdict.textContent = "Not verified: " + e.message;
    }
  }

  document.getElementById("verify").addEventListener("click", run);
  run();
})();
