using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts;
using Trace.Chain.Rpc;
using Trace.Client.Access;
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
        using (var load = new CancellationTokenSource())
        {
            var clients = signers.Select(signer => SubmitUntilCancelledAsync(api.GrpcAddress, signer, accepted, load.Token)).ToArray();
            for (var round = 0; round < 2; round++)
            {
                await Task.Delay(2500);
                await _postgres.RestartAsync();
                output.WriteLine($"round {round + 1}: PostgreSQL restarted; {accepted.Count} records accepted so far");
            }
            await Task.Delay(2500);
            load.Cancel();
            await Task.WhenAll(clients);
        }
        Assert.False(api.HasExited, "the node kept running through its database's restarts");
        Assert.True(accepted.Count > 20, $"only {accepted.Count} records were accepted under load");

        var evidence = new EvidenceService.EvidenceServiceClient(api.Channel);
        foreach (var id in accepted.Keys) await evidence.WaitForStatusAsync(id, RecordStatus.Confirmed, TimeSpan.FromMinutes(2));
        var all = new List<EvidenceRecord>();
        var page = new ListRecordsResponse { NextPageToken = "" };
        do
        {
            page = await evidence.ListRecordsAsync(new ListRecordsRequest { PageSize = 500, PageToken = page.NextPageToken });
            all.AddRange(page.Records);
        } while (page.NextPageToken != "");
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
        Assert.All(all, r => Assert.Equal(RecordStatus.Confirmed, r.Status));
        Assert.Empty(accepted.Keys.Except(all.Select(r => r.Id)));

        using var rpc = new JsonRpcClient(new Uri(node.RpcUrl));
        var eth = new EthRpc(rpc);
        var logs = await eth.GetLogsAsync(new LogFilter(0, await eth.BlockNumberAsync(), [registry], [ContractDefinition.Topic0<Trace.Chain.Contracts.Dtos.Evidence.BatchAnchoredEvent>()]));
        var anchoredRoots = logs.Select(l => Convert.ToHexString(l.Topics[1])).ToList();
        Assert.Equal(anchoredRoots.Count, anchoredRoots.Distinct().Count());
        Assert.Subset(anchoredRoots.ToHashSet(), all.Select(r => Convert.ToHexString(r.Anchor.MerkleRoot.Span)).ToHashSet());
        output.WriteLine($"{accepted.Count} records accepted, {all.Count} held, {anchoredRoots.Count} roots anchored once each, all CONFIRMED; submissions answered UNAVAILABLE and retried: {_unavailable}");
    }

    private static int _unavailable;

    /// <summary>Submits batch records until cancelled; a record answered UNAVAILABLE (the database is away) is sent again, as clients do.</summary>
    private static async Task SubmitUntilCancelledAsync(Uri address, ClaimSigner signer, ConcurrentDictionary<string, byte> accepted, CancellationToken ct)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new EvidenceService.EvidenceServiceClient(channel.Intercept(new AccessTokenInterceptor(new KeyAccessTokenProvider(channel.CreateCallInvoker(), signer.Key))));
        for (var i = 0; !ct.IsCancellationRequested; i++)
        {
            var subject = $"urn:trace:pgrestart:{signer.Address}:{i}";
            var request = signer.StructuredRecord(subject, RecordKind.Batch, LineageBodies.Batch(subject));
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    accepted.TryAdd((await client.SubmitRecordAsync(request)).Record.Id, 0);
                    break;
                }
                catch (Grpc.Core.RpcException e) when (e.StatusCode is StatusCode.Unavailable && attempt < 60)
                {
                    Interlocked.Increment(ref _unavailable);
                    await Task.Delay(250);
                }
            }
            await Task.Delay(40, CancellationToken.None);
        }
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
