using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Deployment;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Crypto.Merkle;
using Trace.Node.LocalChain;

namespace Trace.Bench.Gas;

/// <summary>
/// `dotnet run -c Release --project bench/TraceBench -- gas`: starts its own Anvil, deploys the registries through
/// TraceDeployer and prints the gas each contract operation used (receipt gasUsed; eth_estimateGas for verify).
/// </summary>
/// <remarks>
/// Gas is deterministic for given calldata and storage state; figures move by a few dozen gas between runs because
/// roots, digests and signatures are random (a zero calldata byte costs 4 gas, a non-zero one 16).
/// </remarks>
public static class GasReport
{
    private const string Uri = "ipfs://bafy-trace-batch-manifest";
    private static readonly int[] AnchorCounts = [1, 16, 256, 4096, 100_000];

    public static async Task RunAsync(TextWriter output)
    {
        await using var anvil = new AnvilManager(new AnvilOptions());
        await anvil.StartAsync();
        using var rpc = new JsonRpcClient(anvil.RpcUrl);
        var eth = new EthRpc(rpc);
        var chainId = await eth.ChainIdAsync();
        var rows = new List<(string Operation, string Gas)>();
        void Row(string operation, ulong gas) => rows.Add((operation, gas.ToString("N0", CultureInfo.InvariantCulture)));

        using var operatorKey = EthereumKey.Generate();
        var @operator = await FundedSenderAsync(rpc, eth, operatorKey, chainId);
        var deployment = await TraceDeployer.DeployAsync(eth, @operator);
        foreach (var (name, gas) in await DeploymentGasAsync(rpc, deployment)) Row(name, gas);

        var participants = ParticipantRegistryClient.Connect(deployment.ParticipantRegistry, eth, @operator);
        var evidence = EvidenceRegistryClient.Connect(deployment.EvidenceRegistry, eth, @operator);
        var relay = new RelayedMessageSigner(EvidenceClaimHasher.Domain(chainId, deployment.EvidenceRegistry), evidence);

        using var supplierKey = EthereumKey.Generate();
        using var supplierKey2 = EthereumKey.Generate();
        using var verifierKey = EthereumKey.Generate();
        using var regulatorKey = EthereumKey.Generate();
        using var spareKey = EthereumKey.Generate();
        var supplier = evidence.As(await FundedSenderAsync(rpc, eth, supplierKey, chainId));
        var verifier = evidence.As(await FundedSenderAsync(rpc, eth, verifierKey, chainId));
        var regulator = evidence.As(await FundedSenderAsync(rpc, eth, regulatorKey, chainId));
        var supplierId = Id("supplier");
        Row("registerParticipant (1 key)", (await participants.RegisterParticipantAsync(supplierId, "https://example.org/supplier.json", Random32(), ParticipantRoles.Supplier, [supplierKey.Address])).Receipt.GasUsed);
        Row("registerParticipant (2 keys)", (await participants.RegisterParticipantAsync(Id("verifier"), "https://example.org/verifier.json", Random32(), ParticipantRoles.Verifier, [verifierKey.Address, supplierKey2.Address])).Receipt.GasUsed);
        await participants.RegisterParticipantAsync(Id("regulator"), "https://example.org/regulator.json", Random32(), ParticipantRoles.Regulator, [regulatorKey.Address]);
        Row("addKey (admin)", (await participants.AddKeyAsync(supplierId, spareKey.Address)).Receipt.GasUsed);
        await AdvanceAsync(rpc); // a new timestamp, so the role change appends a checkpoint rather than overwriting one
        Row("grantRoles (new checkpoint)", (await participants.GrantRolesAsync(supplierId, ParticipantRoles.Carrier)).Receipt.GasUsed);
        await AdvanceAsync(rpc);
        Row("revokeRoles (new checkpoint)", (await participants.RevokeRolesAsync(supplierId, ParticipantRoles.Carrier)).Receipt.GasUsed);
        Row("retireKey", (await participants.RetireKeyAsync(spareKey.Address, KeyRetirementReason.Retired)).Receipt.GasUsed);
        await AdvanceAsync(rpc);

        // Anchoring: real trees over random digests; only the root and the count reach the chain.
        var claims = Enumerable.Range(0, 8).Select(_ => Issue(supplierKey, relay.Domain)).ToArray();
        var anchorGas = new Dictionary<int, ulong>();
        (MerkleTree Tree, int Index) big = default;
        foreach (var count in AnchorCounts)
        {
            var digests = Enumerable.Range(0, count).Select(_ => Random32()).ToList();
            digests[0] = claims[0].Digest;
            var tree = MerkleTree.FromClaimDigests(digests);
            anchorGas[count] = (await evidence.AnchorBatchAsync(tree.Root.ToArray(), (uint)count, Uri)).Receipt.GasUsed;
            Row($"anchorBatch, {count:N0}-leaf tree", anchorGas[count]);
            if (count == AnchorCounts[^1]) big = (tree, 0);
        }

        var small = MerkleTree.FromClaimDigests([.. claims.Select(c => c.Digest)]);
        var root = small.Root.ToArray();
        await evidence.AnchorBatchAsync(root, (uint)claims.Length, Uri);
        byte[][] Proof(int i) => small.GetProof(i);
        var deadline = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 86_400;

        Row($"verify (estimateGas, {Proof(1).Length}-hash proof, {claims.Length} leaves)", await evidence.EstimateVerifyGasAsync(claims[1].Claim, claims[1].Signature, root, Proof(1)));
        Row($"verify (estimateGas, {big.Tree.GetProof(big.Index).Length}-hash proof, {AnchorCounts[^1]:N0} leaves)",
            await evidence.EstimateVerifyGasAsync(claims[0].Claim, claims[0].Signature, big.Tree.Root.ToArray(), big.Tree.GetProof(big.Index)));
        Row("revoke", (await supplier.RevokeAsync(claims[1].Claim, root, Proof(1), 1)).Receipt.GasUsed);
        var revocation = await relay.SignRevocationAsync(supplierKey, claims[2].Digest, 1, deadline);
        Row("revokeBySig (first use of the signer's nonce)", (await evidence.RevokeBySigAsync(claims[2].Claim, root, Proof(2), 1, revocation)).Receipt.GasUsed);
        Row("supersede", (await supplier.SupersedeAsync(claims[3].Claim, root, Proof(3), Random32())).Receipt.GasUsed);
        var successor = Random32();
        var supersession = await relay.SignSupersessionAsync(supplierKey, claims[4].Digest, successor, deadline);
        Row("supersedeBySig", (await evidence.SupersedeBySigAsync(claims[4].Claim, root, Proof(4), successor, supersession)).Receipt.GasUsed);
        Row("endorse", (await verifier.EndorseAsync(claims[5].Claim, root, Proof(5), 1)).Receipt.GasUsed);
        var endorsement = await relay.SignEndorsementAsync(verifierKey, claims[6].Digest, 1, deadline);
        Row("endorseBySig (first use of the signer's nonce)", (await evidence.EndorseBySigAsync(claims[6].Claim, root, Proof(6), 1, endorsement)).Receipt.GasUsed);
        Row("flag", (await regulator.FlagAsync(claims[5].Claim, root, Proof(5), 3)).Receipt.GasUsed);
        var flag = await relay.SignFlagAsync(regulatorKey, claims[6].Digest, 3, deadline);
        Row("flagBySig (first use of the signer's nonce)", (await evidence.FlagBySigAsync(claims[6].Claim, root, Proof(6), 3, flag)).Receipt.GasUsed);
        Row("unflag", (await regulator.UnflagAsync(claims[5].Digest, 1)).Receipt.GasUsed);
        var unflag = await relay.SignUnflagAsync(regulatorKey, claims[6].Digest, 1, deadline);
        Row("unflagBySig", (await evidence.UnflagBySigAsync(claims[6].Digest, 1, unflag)).Receipt.GasUsed);

        output.WriteLine($"Trace contract gas on Anvil (chain {chainId}, EVM cancun, solc {ContractArtifact.Load("EvidenceRegistry").CompilerVersion})");
        output.WriteLine();
        output.WriteLine("| operation | gas |");
        output.WriteLine("|---|---:|");
        foreach (var (operation, gas) in rows) output.WriteLine($"| {operation} | {gas} |");
        output.WriteLine();
        output.WriteLine("| batch size | anchorBatch gas | gas per record |");
        output.WriteLine("|---:|---:|---:|");
        foreach (var count in AnchorCounts)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {count:N0} | {anchorGas[count]:N0} | {(double)anchorGas[count] / count:N2} |"));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"anchorBatch spread over all batch sizes: {anchorGas.Values.Max() - anchorGas.Values.Min()} gas (calldata bytes of root and count only)"));
    }

    /// <summary>Gas of the deployment transactions, read from the receipts of the blocks before the operator's registration.</summary>
    private static async Task<List<(string, ulong)>> DeploymentGasAsync(JsonRpcClient rpc, TraceDeploymentRecord deployment)
    {
        var result = new List<(string, ulong)>();
        for (var block = deployment.DeployedAtBlock - 2; block <= deployment.DeployedAtBlock; block++)
        {
            var receipts = await rpc.CallAsync("eth_getBlockReceipts", [$"0x{block:x}"]);
            foreach (var receipt in receipts.EnumerateArray())
            {
                var gas = Convert.ToUInt64(receipt.GetProperty("gasUsed").GetString(), 16);
                var created = receipt.TryGetProperty("contractAddress", out var address) && address.ValueKind == JsonValueKind.String ? address.GetString() : null;
                var name = created is null ? "registerParticipant (operator, in deployment)"
                    : string.Equals(created, deployment.ParticipantRegistry.ToString(), StringComparison.OrdinalIgnoreCase) ? "deploy ParticipantRegistry" : "deploy EvidenceRegistry";
                result.Add((name, gas));
            }
        }
        return result;
    }

    private static async Task<TransactionSender> FundedSenderAsync(JsonRpcClient rpc, EthRpc eth, EthereumKey key, ulong chainId)
    {
        await rpc.CallAsync("anvil_setBalance", [key.Address.ToString(), "0x3635c9adc5dea00000"]);
        return new TransactionSender(eth, key, chainId);
    }

    private static async Task AdvanceAsync(JsonRpcClient rpc)
    {
        await rpc.CallAsync("evm_increaseTime", [60]);
        await rpc.CallAsync("evm_mine", []);
    }

    private static (EvidenceClaimData Claim, byte[] Digest, byte[] Signature) Issue(EthereumKey issuer, Eip712Domain domain)
    {
        var claim = new EvidenceClaimData(Random32(), 1, Random32(), issuer.Address, (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Random32());
        var digest = EvidenceClaimHasher.Digest(domain, claim);
        return (claim, digest, issuer.Sign(digest).ToBytes65());
    }

    private static byte[] Id(string name) => Keccak256.HashUtf8(name);

    private static byte[] Random32() => RandomNumberGenerator.GetBytes(32);
}
