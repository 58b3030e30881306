using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Domain;
using Trace.Node.Chain;
using Trace.Node.Evidence;
using Trace.Node.Hosting;
using Trace.Node.Storage;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Engine;

/// <summary>
/// The engine as the API hosts it, without gRPC: <c>AddTraceNode</c> on a real SQLite file in a temporary data directory,
/// against its own Anvil (an <see cref="AnvilFixture"/> not shared with the contract tests, whose clock moves), with every
/// hosted service started (migration, chain, contracts, anchoring). Issuers are fresh keys the operator registers.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trace-engine-" + Guid.NewGuid().ToString("N"));
    private readonly List<IHostedService> _started = [];

    public AnvilFixture Chain { get; } = new();

    public ServiceProvider Services { get; private set; } = null!;

    /// <summary>Everything the engine logged at Information and above.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>A participant with the Supplier role, registered at start.</summary>
    public EthereumKey Supplier { get; private set; } = null!;

    public TraceContracts Contracts => Services.GetRequiredService<TraceContracts>();

    public TraceStore Store => Services.GetRequiredService<TraceStore>();

    /// <summary>The EIP-712 domain claims are signed under (this chain, the deployed EvidenceRegistry).</summary>
    public Eip712Domain Domain => EvidenceClaimHasher.Domain(Contracts.Deployment.ChainId, Contracts.Deployment.EvidenceRegistry);

    public async Task InitializeAsync()
    {
        await Chain.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trace:DataDirectory"] = _dataDirectory,
            ["Chain:RpcUrl"] = Chain.Anvil.RpcUrl.ToString(),
            ["Chain:ChainId"] = (await Chain.Eth.ChainIdAsync()).ToString(),
            ["Chain:OperatorKey"] = AnvilFixture.DevKey0,
            ["Chain:Confirmations"] = "1",
            ["Trace:Anchoring:MaxBatchDelayMilliseconds"] = "300",
            ["Trace:Indexing:Enabled"] = "false",
        }).Build();
        Services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging(logging => logging.AddProvider(Logs)).AddTraceNode().BuildServiceProvider();
        foreach (var service in Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            _started.Add(service);
        }
        await Contracts.Ready;
        Supplier = await RegisterIssuerAsync("engine-supplier", ParticipantRoles.Supplier);
    }

    public async Task DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--) await _started[i].StopAsync(CancellationToken.None);
        await Services.DisposeAsync();
        await Chain.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>A new key, registered as participant <paramref name="name"/> with <paramref name="roles"/> (issuers sign; they send nothing).</summary>
    public async Task<EthereumKey> RegisterIssuerAsync(string name, ParticipantRoles roles)
    {
        var key = EthereumKey.Generate();
        await Participants.RegisterParticipantAsync(ParticipantId(name), $"https://example.org/{name}.json", Sha256Hash.Hash(Encoding.UTF8.GetBytes(name)), roles, [key.Address]);
        return key;
    }

    /// <summary>The ParticipantRegistry as its admin (the operator that deployed it).</summary>
    public ParticipantRegistryClient Participants =>
        ParticipantRegistryClient.Connect(Contracts.Deployment.ParticipantRegistry, Services.GetRequiredService<ChainConnection>().Eth, Contracts.Operator);

    public static byte[] ParticipantId(string name) => Keccak256.HashUtf8(name);

    /// <summary>A claim over <paramref name="content"/> about <paramref name="subjectId"/>, signed by <paramref name="issuer"/>, as a client submits it.</summary>
    public SubmittedClaim Sign(EthereumKey issuer, byte[] content, string subjectId, RecordKind kind = RecordKind.Certification)
    {
        var claim = new EvidenceClaimData(SHA256.HashData(content), (byte)kind, Keccak256.HashUtf8(subjectId), issuer.Address,
            (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), RandomNumberGenerator.GetBytes(32));
        var signature = issuer.Sign(EvidenceClaimHasher.Digest(Domain, claim)).ToBytes65();
        return new SubmittedClaim(claim.ContentHash, claim.Kind, claim.Subject, claim.Issuer.ToString(), claim.IssuedAt, claim.Nonce, signature, subjectId);
    }

    /// <summary>Submits <paramref name="content"/> as a document through the intake; returns the record id.</summary>
    public async Task<string> SubmitAsync(SubmittedClaim claim, byte[] content)
    {
        var intake = Services.GetRequiredService<EvidenceIntake>();
        var header = new DocumentHeader(claim, "application/pdf", "epd.pdf", (ulong)content.Length, null);
        var validated = await intake.ValidateHeaderAsync(header, CancellationToken.None);
        return (await intake.SubmitDocumentAsync(header, validated, Chunks(content), CancellationToken.None)).Record.Id;
    }

    public async Task<EvidenceRecord> WaitForStatusAsync(string recordId, RecordStatus status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var record = await Store.GetRecordAsync(recordId, CancellationToken.None);
            if (record?.Status == status) return record;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"record {recordId} is {record?.Status.ToString() ?? "missing"}, not {status}, after 60 s");
            await Task.Delay(100);
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(byte[] content)
    {
        await Task.Yield();
        yield return content;
    }
}

/// <summary>Tests that share one <see cref="EngineFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
