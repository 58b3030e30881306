using System.Collections.Concurrent;
using Trace.Api.Tests.Support;
using Trace.Chain.Rpc;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Node.Tests.Storage;
using Trace.Protos.V1;
using Xunit.Abstractions;

namespace Trace.Api.Tests.Evidence;

/// <summary>
/// The database drill: Trace on PostgreSQL (a throwaway local cluster) while suppliers submit, and the server restarted
/// twice with a fast shutdown that cuts every connection; every accepted record ends CONFIRMED exactly once and no root
/// is anchored twice. Skipped, saying why, where PostgreSQL's binaries are not installed.
/// </summary>
public sealed class PostgresRestartDrillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly PostgresClusterFixture _postgres = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trace-pgrestart-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync() => _postgres.InitializeAsync();

    [PostgresFact]
    public async Task Restarting_postgresql_under_load_loses_no_record_and_anchors_no_root_twice()
    {
        var settings = new Dictionary<string, string>(EvidenceNodeFixture.Settings)
        {
            ["Trace:Storage:Provider"] = "Postgres",
            ["Trace:Storage:ConnectionString"] = await _postgres.CreateDatabaseAsync(),
            ["Trace:Anchoring:MaxBatchDelayMilliseconds"] = "100",
            ["Trace:Anchoring:MaxBatchSize"] = "16",
            ["Chain:Confirmations"] = "1",
        };
        await using var api = await TraceApiProcess.StartAsync(_dataDirectory, settings, TimeSpan.FromMinutes(3));
        var node = await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        var registry = EthereumAddress.Parse(node.Contracts["EvidenceRegistry"]);
        var signers = Enumerable.Range(0, 3).Select(_ => new ClaimSigner(EthereumKey.Generate(), node.ChainId, registry)).ToArray();
        await CrashDrillTests.RegisterAsync(node, signers);

        var accepted = new ConcurrentDictionary<string, byte>();
        var retried = 0;
        using (var load = new CancellationTokenSource())
        {
            var clients = signers.Select(signer => DrillLedger.SubmitAsync(api.GrpcAddress, signer, "urn:trace:pgrestart", accepted, load.Token)).ToArray();
            for (var round = 0; round < 2; round++)
            {
                await Task.Delay(2500);
                await _postgres.RestartAsync();
                output.WriteLine($"round {round + 1}: PostgreSQL restarted; {accepted.Count} records accepted so far");
            }
            await Task.Delay(2500);
            load.Cancel();
            retried = (await Task.WhenAll(clients)).Sum();
        }
        Assert.False(api.HasExited, "the node kept running through its database's restarts");
        Assert.True(accepted.Count > 20, $"only {accepted.Count} records were accepted under load");

        var evidence = new EvidenceService.EvidenceServiceClient(api.Channel);
        foreach (var id in accepted.Keys) await evidence.WaitForStatusAsync(id, RecordStatus.Confirmed, TimeSpan.FromMinutes(2));
        using var rpc = new JsonRpcClient(new Uri(node.RpcUrl));
        var (all, anchoredRoots) = await DrillLedger.AssertConfirmedOnceAsync(evidence, accepted.Keys, new EthRpc(rpc), registry);
        output.WriteLine($"{accepted.Count} records accepted, {all.Count} held, {anchoredRoots.Count} roots anchored once each, all CONFIRMED; submissions answered UNAVAILABLE and retried: {retried}");
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A fact that needs PostgreSQL's server binaries (initdb, pg_ctl); skipped, saying which are missing, without them.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresBinaries.SkipReason is { } reason) Skip = reason;
    }
}
