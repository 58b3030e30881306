using System.CommandLine;
using System.Security.Cryptography;
using Trace.Chain.Rpc;
using Trace.Client.Verification;
using Trace.Domain;

namespace Trace.Cli.Commands;

/// <summary>
/// <c>trace verify --bundle FILE --rpc URL [--content FILE]</c>: checks a proof bundle with nothing but a JSON-RPC
/// endpoint of the anchoring chain; no Trace node is asked anything.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>Exit codes: 0 VERIFIED, 1 any other verdict (FLAGGED included), 2 unusable input (also an --rpc endpoint of another chain than the bundle's), 3 chain unreachable.</summary>
    public const int Verified = 0, NotVerified = 1, BadInput = 2, ChainUnreachable = 3;

    public static Command Create()
    {
        var bundle = new Option<FileInfo>("--bundle") { Description = "Proof bundle JSON (docs/proof-bundle.md), as GetProofBundle returns it", Required = true };
        var rpc = new Option<string>("--rpc") { Description = "JSON-RPC URL of the chain the bundle names (any node of it)", Required = true };
        var content = new Option<FileInfo?>("--content") { Description = "The document or canonical record to check against the claim's content hash" };
        var command = new Command("verify", "Verify a proof bundle against the chain, trusting nothing from Trace") { bundle, rpc, content };
        command.SetAction(async (parse, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(rpc), UriKind.Absolute, out var rpcUrl) || rpcUrl.Scheme is not ("http" or "https"))
            {
                await Console.Out.WriteLineAsync("--rpc: not an http(s) URL");
                return BadInput;
            }
            return await RunAsync(parse.GetValue(bundle)!, rpcUrl, parse.GetValue(content), Console.Out, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(FileInfo bundleFile, Uri rpcUrl, FileInfo? contentFile, TextWriter output, CancellationToken ct)
    {
        ProofBundle bundle;
        byte[]? contentHash = null;
        try
        {
            bundle = ProofBundleJson.Parse(await File.ReadAllTextAsync(bundleFile.FullName, ct));
            if (contentFile is not null)
            {
                await using var stream = contentFile.OpenRead();
                contentHash = await SHA256.HashDataAsync(stream, ct);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidFieldException)
        {
            await output.WriteLineAsync($"cannot use the input: {ex.Message}");
            return BadInput;
        }

        VerificationOutcome outcome;
        try
        {
            using var client = new JsonRpcClient(rpcUrl);
            outcome = await new BundleVerifier(new EthRpc(client)).VerifyAsync(bundle, contentHash, contentFile is null ? "content" : $"file {contentFile.Name}", ct);
        }
        catch (ChainMismatchException ex)
        {
            await output.WriteLineAsync($"cannot use the input: {ex.Message}");
            return BadInput;
        }
        catch (Exception ex) when (ex is RpcTransportException or HttpRequestException or TimeoutException or RpcException)
        {
            await output.WriteLineAsync($"cannot reach the chain at {rpcUrl.Scheme}://{rpcUrl.Host}:{rpcUrl.Port}: {ex.Message}");
            return ChainUnreachable;
        }

        await output.WriteLineAsync($"record {bundle.RecordId}");
        foreach (var check in outcome.Checks)
            await output.WriteLineAsync($"  {(check.Passed ? "ok  " : "FAIL")} {check.Name,-20} {check.Detail}");
        foreach (var flag in outcome.OpenFlags)
            await output.WriteLineAsync($"  flag        by {flag.RegulatorParticipantId} ({flag.FlaggedBy}) at {flag.FlaggedAt:u}, reason {flag.Reason}, block {flag.BlockNumber}");
        foreach (var endorsement in outcome.RecordEndorsements)
            await output.WriteLineAsync($"  endorsement by {endorsement.VerifierParticipantId} ({endorsement.EndorsedBy}) at {endorsement.EndorsedAt:u}, code {endorsement.Code}, block {endorsement.BlockNumber}");
        await output.WriteLineAsync($"{StatusName(outcome.Status)} (chain {bundle.AnchorChainId}, registry {bundle.Registry}, checked at block {outcome.CheckedAtBlock})");
        return outcome.Status == VerificationStatus.Verified ? Verified : NotVerified;
    }

    // VERIFIED, BAD_SIGNATURE, ... as in the gRPC enum and docs/proof-bundle.md.
    private static string StatusName(VerificationStatus status) =>
        string.Concat(status.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
