using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Trace.Chain.Rpc;
using Trace.Cli.Cli;
using Trace.Client;
using Trace.Client.Verification;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary>
/// <c>trace verify</c>: a proof bundle fully offline against a JSON-RPC endpoint of the chain (<c>--bundle FILE --rpc URL
/// [--content FILE]</c>), or a file or record against a Trace node (<c>FILE</c>, <c>--record ID</c>). It opens with one
/// plain sentence of what was proven; structured records are compared as canonical JSON (RFC 8785).
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "A document or record copy to check against Trace (the node finds the records it matches)", Arity = ArgumentArity.ZeroOrOne };
        var bundle = new Option<FileInfo?>("--bundle") { Description = "Proof bundle JSON (docs/proof-bundle.md, `trace proof` saves one): verified with only --rpc, no Trace node" };
        var rpc = new Option<string?>("--rpc") { Description = "JSON-RPC URL of the chain the bundle names (any node of it; `trace node info` shows the node's)" };
        var content = new Option<FileInfo?>("--content") { Description = "With --bundle: the document or record copy to check against the claim's content hash" };
        var record = new Option<string?>("--record") { Description = "Against Trace: verify this record (with FILE: check FILE as its content)" };
        var details = new Option<bool>("--details") { Description = "Print every check, not only the failed ones" };
        var command = new Command("verify", "Verify evidence: a bundle offline against the chain, or a file or record against a Trace node")
        {
            file, bundle, rpc, content, record, details,
        };
        Run.Action(command, async (s, ct) =>
        {
            if (s.Value(bundle) is { } bundleFile)
            {
                var url = s.Value(rpc) ?? throw CliException.BadInput("--rpc: a bundle is verified against a JSON-RPC URL of its chain (`trace node info` shows one)");
                if (!Uri.TryCreate(url, UriKind.Absolute, out var rpcUrl) || rpcUrl.Scheme is not ("http" or "https"))
                    throw CliException.BadInput($"--rpc: '{url}' is not an http(s) URL");
                return await OfflineAsync(s, bundleFile, rpcUrl, s.Value(content), s.Value(details), ct);
            }
            if (s.Value(file) is null && s.Value(record) is null)
                throw CliException.BadInput("give a FILE to check against Trace, --record ID, or --bundle FILE --rpc URL");
            return await AgainstNodeAsync(s, s.Value(file), s.Value(record), s.Value(details), ct);
        });
        return command;
    }

    private static async Task<int> OfflineAsync(Session s, FileInfo bundleFile, Uri rpcUrl, FileInfo? contentFile, bool details, CancellationToken ct)
    {
        var bundle = ProofBundleJson.Parse(await File.ReadAllTextAsync(bundleFile.FullName, ct));
        byte[]? hash = null;
        var canonical = false;
        if (contentFile is not null)
        {
            var (h, form) = ContentHash.Matching(await File.ReadAllBytesAsync(contentFile.FullName, ct), bundle.Claim.ContentHash);
            (hash, canonical) = (h, form == ContentHash.Form.CanonicalJson);
        }
        using var client = new JsonRpcClient(rpcUrl, new JsonRpcOptions { MaxRetries = 1, RequestTimeout = TimeSpan.FromSeconds(10) });
        var eth = new EthRpc(client);
        var outcome = await new BundleVerifier(eth).VerifyAsync(bundle, hash,
            contentFile is null ? "content" : canonical ? $"canonical JSON of {contentFile.Name}" : $"file {contentFile.Name}", ct);
        var reachedChain = outcome.CheckedAtBlock > 0;
        var facts = reachedChain ? await AnchorFacts.ReadAsync(bundle, eth, ct) : new AnchorFacts(null, null);
        var statement = new ProofStatement(Enum.Parse<VerificationStatus>(outcome.Status.ToString()), (RecordKind)bundle.Claim.Kind, bundle.SubjectId,
            bundle.Claim.Issuer.ToString(), facts.IssuerParticipantId, facts.AnchoredAt, bundle.BlockNumber, bundle.AnchorChainId,
            contentFile?.FullName, canonical);
        var marks = outcome.OpenFlags.Select(f => new Mark("flag", f.RegulatorParticipantId, f.FlaggedBy, f.FlaggedAt, Names.Of((FlagReason)f.Reason), (ulong)f.BlockNumber))
            .Concat(outcome.RecordEndorsements.Select(e => new Mark("endorsement", e.VerifierParticipantId, e.EndorsedBy, e.EndorsedAt, Names.Of((EndorsementCode)e.Code), (ulong)e.BlockNumber)))
            .ToList();
        return Print(s, statement, bundle.RecordId, outcome.CheckedAtBlock, bundle.Registry.ToString(),
            outcome.Checks.Select(c => (c.Name, c.Passed, c.Detail)).ToList(), marks, details);
    }

    /// <summary>A regulator's open flag or a verifier's endorsement on the record, as the chain holds it.</summary>
    private sealed record Mark(string Type, string ParticipantId, string Key, DateTimeOffset At, string Code, ulong BlockNumber);

    private static async Task<int> AgainstNodeAsync(Session s, FileInfo? file, string? recordId, bool details, CancellationToken ct)
    {
        var client = await s.ClientAsync(ct);
        byte[]? bytes = file is null ? null : await File.ReadAllBytesAsync(file.FullName, ct);
        var canonical = false;
        VerificationResult result;
        if (recordId is not null)
        {
            var record = await client.GetRecordAsync(recordId, ct);
            if (bytes is not null)
            {
                var claimed = record.SignedClaim.Claim.ContentHash.ToByteArray();
                var (_, form) = ContentHash.Matching(bytes, claimed);
                if (form == ContentHash.Form.CanonicalJson) (bytes, canonical) = (ContentHash.Canonical(bytes)!, true);
            }
            result = await client.VerifyAsync(recordId, bytes, ct);
        }
        else
        {
            var answer = await VerifyContentAsync(client, bytes!, ct);
            if (answer.Status == VerificationStatus.NotFound && ContentHash.Canonical(bytes!) is { } canonicalBytes)
            {
                answer = await VerifyContentAsync(client, canonicalBytes, ct);
                canonical = true;
            }
            result = answer.Results.OrderBy(r => r.Status == VerificationStatus.Verified ? 0 : 1).FirstOrDefault()
                ?? new VerificationResult { Status = VerificationStatus.NotFound };
            if (answer.Results.Count > 1 && !s.Json)
                s.Say($"[grey]the content matches {answer.Results.Count} records; the first verified one is shown[/]");
        }
        if (result.RecordId.Length == 0)
        {
            var missing = new ProofStatement(VerificationStatus.NotFound, RecordKind.Unspecified, "", "", null, null, 0, client.Info.ChainId, file?.FullName, canonical);
            return Print(s, missing, "", 0, client.Registry.ToString(), [], [], details);
        }
        var verified = await client.GetRecordAsync(result.RecordId, ct);
        string? organisation = null;
        try
        {
            var participant = await client.GetParticipantAsync(verified.SignedClaim.Claim.Issuer, ct);
            organisation = participant.Identity is { LegalName.Length: > 0 } identity ? $"{identity.LegalName} ({participant.ParticipantId})" : participant.ParticipantId;
        }
        catch (TraceClientException) { }
        var statement = new ProofStatement(result.Status, verified.SignedClaim.Claim.Kind, verified.SubjectId, verified.SignedClaim.Claim.Issuer, organisation,
            verified.AnchoredAt?.ToDateTimeOffset(), verified.Anchor?.BlockNumber ?? 0, client.Info.ChainId, file?.FullName, canonical);
        var marks = result.OpenFlags.Select(f => new Mark("flag", f.RegulatorParticipantId, f.FlaggedBy, f.FlaggedAt?.ToDateTimeOffset() ?? default, Names.Of(f.Reason), f.BlockNumber))
            .Concat(result.Endorsements.Select(e => new Mark("endorsement", e.VerifierParticipantId, e.EndorsedBy, e.EndorsedAt?.ToDateTimeOffset() ?? default, Names.Of(e.Code), e.BlockNumber)))
            .ToList();
        return Print(s, statement, result.RecordId, result.CheckedAtBlock, client.Registry.ToString(),
            result.Checks.Select(c => (c.Name, c.Passed, c.Detail)).ToList(), marks, details);
    }

    private static async Task<VerifyContentResponse> VerifyContentAsync(TraceClient client, byte[] bytes, CancellationToken ct)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return await client.VerifyContentAsync(stream, null, ct);
    }

    private static int Print(Session s, ProofStatement statement, string recordId, ulong checkedAtBlock, string registry,
        List<(string Name, bool Passed, string Detail)> checks, List<Mark> marks, bool details)
    {
        var verified = statement.Status == VerificationStatus.Verified;
        if (s.Json)
        {
            Session.WriteJson(new JsonObject
            {
                ["status"] = statement.StatusName,
                ["statement"] = statement.Sentence(),
                ["recordId"] = recordId,
                ["kind"] = Names.Of(statement.Kind),
                ["subjectId"] = statement.SubjectId,
                ["issuer"] = statement.IssuerKey,
                ["issuerOrganisation"] = statement.IssuerOrganisation,
                ["anchoredAt"] = statement.AnchoredAt?.ToString("O"),
                ["blockNumber"] = statement.BlockNumber,
                ["chainId"] = statement.ChainId,
                ["registry"] = registry,
                ["contentChecked"] = statement.ContentFile is not null,
                ["contentComparedAsCanonicalJson"] = statement.CanonicalJson,
                ["checkedAtBlock"] = checkedAtBlock,
                ["flags"] = new JsonArray(marks.Where(m => m.Type == "flag").Select(Json).ToArray()),
                ["endorsements"] = new JsonArray(marks.Where(m => m.Type == "endorsement").Select(Json).ToArray()),
                ["checks"] = new JsonArray(checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["passed"] = c.Passed, ["detail"] = c.Detail }).ToArray()),
            });
        }
        else
        {
            s.Console.MarkupLine((verified ? "[green]" : "[red]") + Ui.Safe(statement.Sentence()) + "[/]");
            if (recordId.Length > 0) s.Console.MarkupLine(Ui.Format($"record {recordId}, registry {registry}, checked at block {checkedAtBlock}"));
            foreach (var m in marks)
                s.Console.MarkupLine(Ui.Format($"  {m.Type} by {m.ParticipantId} (key {m.Key}) at {m.At:u}: {m.Code}, block {m.BlockNumber}"));
            foreach (var (name, passed, detail) in checks.Where(c => details || !c.Passed))
                s.Console.MarkupLine(Ui.Format($"  {(passed ? "ok  " : "FAIL")} {name,-20} {detail}"));
        }
        return verified ? ExitCodes.Ok : ExitCodes.Negative;

        static JsonNode Json(Mark m) => new JsonObject
        {
            ["participantId"] = m.ParticipantId, ["key"] = m.Key, ["at"] = m.At.ToString("O"), ["code"] = m.Code, ["blockNumber"] = m.BlockNumber,
        };
    }

}
