using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Trace.Cli.Cli;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary><c>trace proof RECORD</c>: saves a record's proof bundle (docs/proof-bundle.md), which anyone checks with <c>trace verify --bundle</c>.</summary>
internal static class ProofCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("record") { Description = "Record id (0x + 64 hex)" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to save the bundle (default proof-<record id>.json)" };
        var wait = new Option<bool>("--wait") { Description = "Wait until the record is anchored instead of failing while it is PENDING" };
        var content = new Option<FileInfo?>("--content") { Description = "Also save the content (document, or the canonical record JSON) to check with --content; needs read access" };
        var command = new Command("proof", "Save a record's proof bundle: everything needed to verify it with only a chain endpoint") { id, output, wait, content };
        Run.Action(command, async (s, ct) =>
        {
            var client = s.Value(content) is null ? await s.ClientAsync(ct) : await s.SignedInClientAsync(ct);
            var recordId = s.Value(id)!;
            if (s.Value(wait)) await client.WaitForStatusAsync(recordId, RecordStatus.Anchored, ct);
            var answer = await client.GetProofBundleAsync(recordId, ct);
            var file = s.Value(output) ?? new FileInfo($"proof-{recordId}.json");
            await File.WriteAllTextAsync(file.FullName, answer.BundleJson, ct);
            if (s.Value(content) is { } contentFile)
            {
                await using var stream = contentFile.Create();
                await client.DownloadContentAsync(recordId, stream, ct);
            }
            var verify = $"trace verify --bundle {file.Name} --rpc {client.Info.RpcUrl}" + (s.Value(content) is { } c ? $" --content {c.Name}" : "");
            if (s.Json)
            {
                Session.WriteJson(new JsonObject
                {
                    ["recordId"] = recordId, ["bundleFile"] = file.FullName, ["contentFile"] = s.Value(content)?.FullName,
                    ["chainId"] = answer.Bundle.ChainId, ["blockNumber"] = answer.Bundle.Anchor?.BlockNumber, ["rpcUrl"] = client.Info.RpcUrl, ["verify"] = verify,
                });
                return ExitCodes.Ok;
            }
            s.Console.MarkupLine(Ui.Format($"saved the proof bundle of {recordId} (chain {answer.Bundle.ChainId}, block {answer.Bundle.Anchor?.BlockNumber}) to {file.FullName}"));
            s.Console.MarkupLine(Ui.Format($"anyone can check it without Trace: {verify}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
