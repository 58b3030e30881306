using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Lineage;

/// <summary>
/// Replays docs/examples/steel-scenario (scenario.json and its record files) against a node as its six participants would:
/// each record signed with the client library's <see cref="ClaimSigner"/> by its issuer's key, placeholders
/// ({{participant:NAME}}, {{record:NAME}}) filled with the addresses and the record ids the node returned.
/// </summary>
internal sealed partial class SteelScenario(SteelScenarioNode node)
{
    private readonly Dictionary<string, ClaimSigner> _signers = [];
    private readonly Dictionary<string, string> _recordIds = [];
    private readonly Dictionary<string, string> _subjects = [];
    private readonly JsonElement _manifest = JsonDocument.Parse(File.ReadAllText(PathOf("scenario.json"))).RootElement;

    /// <summary>A file of the example, by its path relative to docs/examples/steel-scenario.</summary>
    public static string PathOf(string relative) => Path.Combine(RepoPaths.Root, "docs", "examples", "steel-scenario", relative);

    /// <summary>The record id the node returned for the step named <paramref name="step"/>.</summary>
    public string RecordId(string step) => _recordIds[step];

    /// <summary>The subject id (batch, transformation or shipment identifier) of the step named <paramref name="step"/>.</summary>
    public string Subject(string step) => _subjects[step];

    /// <summary>The signer of the participant named <paramref name="participant"/>.</summary>
    public ClaimSigner Signer(string participant) => _signers[participant];

    /// <summary>Every record id submitted so far, by step name.</summary>
    public IReadOnlyDictionary<string, string> RecordIds => _recordIds;

    /// <summary>A key per participant, registered with the role scenario.json names.</summary>
    /// <param name="register">registers (participant name, key, role); null = directly on the registry as the admin, without an identity document.</param>
    public async Task RegisterParticipantsAsync(Func<string, EthereumAddress, ParticipantRoles, Task>? register = null)
    {
        foreach (var participant in _manifest.GetProperty("participants").EnumerateObject())
        {
            var key = EthereumKey.Generate();
            node.Api.Tokens.Keyring.Add(key); // its records are submitted signed in as it
            var signer = new ClaimSigner(key, node.Node.ChainId, node.EvidenceRegistry);
            var role = participant.Value.GetString() switch
            {
                "supplier" => ParticipantRoles.Supplier,
                "carrier" => ParticipantRoles.Carrier,
                "verifier" => ParticipantRoles.Verifier,
                var other => throw new InvalidOperationException($"scenario.json: unknown role {other}"),
            };
            await (register?.Invoke(participant.Name, signer.Address, role) ?? node.RegisterAsync(signer.Address, role));
            _signers[participant.Name] = signer;
        }
    }

    /// <summary>Submits every step of scenario.json in order (each is accepted, or the test fails with the node's refusal).</summary>
    public async Task SubmitStepsAsync()
    {
        foreach (var step in _manifest.GetProperty("steps").EnumerateArray()) await SubmitAsync(step);
    }

    /// <summary>Submits the correcting record (a transformation that "supersedes" the original smelting record).</summary>
    public Task SubmitCorrectionAsync() => SubmitAsync(_manifest.GetProperty("correction"));

    /// <summary>Waits until every record submitted so far is CONFIRMED.</summary>
    public async Task WaitAllConfirmedAsync()
    {
        foreach (var id in _recordIds.Values) await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed, TimeSpan.FromSeconds(120));
    }

    /// <summary>The issuer relays the on-chain supersession of <paramref name="oldStep"/> by <paramref name="newStep"/> (RevokeRecord superseded_by).</summary>
    public async Task RelaySupersessionAsync(string issuer, string oldStep, string newStep)
    {
        var signer = Signer(issuer);
        var nonce = await NonceOfAsync(signer.Address);
        var deadline = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var signature = Relayed().SignSupersession(signer.Key, Hex.Decode(RecordId(oldStep)), Hex.Decode(RecordId(newStep)), nonce, deadline).Signature;
        await node.Evidence.RevokeRecordAsync(new RevokeRecordRequest
        {
            RecordId = RecordId(oldStep), SupersededBy = RecordId(newStep), Nonce = (ulong)nonce, Deadline = deadline,
            Signature = ByteString.CopyFrom(signature),
        });
    }

    /// <summary>The issuer relays a plain revocation of <paramref name="step"/> (RevokeRecord).</summary>
    public async Task RelayRevocationAsync(string issuer, string step)
    {
        var signer = Signer(issuer);
        var nonce = await NonceOfAsync(signer.Address);
        var deadline = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var signature = Relayed().SignRevocation(signer.Key, Hex.Decode(RecordId(step)), 1, nonce, deadline).Signature;
        await node.Evidence.RevokeRecordAsync(new RevokeRecordRequest
        {
            RecordId = RecordId(step), Reason = 1, Nonce = (ulong)nonce, Deadline = deadline, Signature = ByteString.CopyFrom(signature),
        });
    }

    private async Task SubmitAsync(JsonElement step)
    {
        var name = step.GetProperty("name").GetString()!;
        var signer = Signer(step.GetProperty("issuer").GetString()!);
        var subject = step.GetProperty("subjectId").GetString()!;
        var kind = (RecordKind)step.GetProperty("kind").GetInt32();
        string id;
        if (step.TryGetProperty("document", out var document))
        {
            var content = await File.ReadAllBytesAsync(PathOf(document.GetString()!));
            var header = signer.DocumentHeader(new DocumentDigest(System.Security.Cryptography.SHA256.HashData(content), (ulong)content.Length),
                kind, subject, step.GetProperty("mediaType").GetString()!, Path.GetFileName(document.GetString()));
            var response = await node.Evidence.UploadAsync(header, content);
            id = response.Record.Id;
        }
        else
        {
            var json = Fill(await File.ReadAllTextAsync(PathOf(step.GetProperty("record").GetString()!)));
            SubmitRecordResponse response;
            try
            {
                response = await node.Evidence.SubmitRecordAsync(signer.StructuredRecord(subject, kind, json));
            }
            catch (Grpc.Core.RpcException ex)
            {
                throw new Xunit.Sdk.XunitException($"step {name} was refused: {ex.StatusCode} {ex.Status.Detail}");
            }
            Assert.True(response.Created, $"step {name}: a new record");
            id = response.Record.Id;
        }
        _recordIds[name] = id;
        _subjects[name] = subject;
    }

    /// <summary>Replaces {{participant:NAME}} by the participant's address and {{record:NAME}} by the step's record id.</summary>
    private string Fill(string json) => Placeholder().Replace(json, m => m.Groups[1].Value == "participant"
        ? Signer(m.Groups[2].Value).Address.ToString()
        : _recordIds.TryGetValue(m.Groups[2].Value, out var id) ? id : throw new InvalidOperationException($"{m.Value}: no such step submitted yet"));

    private RelayedMessageSigner Relayed() => new(EvidenceClaimHasher.Domain(new BigInteger(node.Node.ChainId), node.EvidenceRegistry));

    private Task<BigInteger> NonceOfAsync(EthereumAddress signer) => EvidenceRegistryClient.Connect(node.EvidenceRegistry, node.Eth).NonceOfAsync(signer);

    [GeneratedRegex(@"\{\{(participant|record):([A-Za-z0-9-]+)\}\}")]
    private static partial Regex Placeholder();
}
