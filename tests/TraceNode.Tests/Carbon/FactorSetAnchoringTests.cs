using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Carbon.Factors;
using Trace.Node.Chain;
using Trace.Node.Hosting;
using Trace.Node.Storage;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Carbon;

/// <summary>
/// The factor set's record with an external chain (not embedded): without a key that may issue, the node starts and the
/// set stays "not anchored" with the reason; with a registered key it is submitted, signed by that key.
/// </summary>
public sealed class FactorSetAnchoringTests : IAsyncLifetime
{
    private readonly AnvilFixture _chain = new();
    private readonly string _data = Path.Combine(Path.GetTempPath(), "trace-factor-anchoring-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => _chain.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _chain.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Without_a_usable_key_the_node_starts_and_the_set_is_not_anchored_then_a_registered_key_anchors_it()
    {
        await using (var node = await Engine.StartAsync(_chain, _data))
        {
            var provider = node.Services.GetRequiredService<TransportFactorProvider>();
            var description = await node.Services.GetRequiredService<TransportFactorQueries>().DescribeAsync(null, CancellationToken.None);
            Assert.Null(provider.Active.RecordId);
            Assert.Equal(FactorSetAnchoringState.NotAnchored, description.Anchoring);
            Assert.Contains("Trace:Carbon:FactorSigningKey", description.NotAnchoredReason, StringComparison.Ordinal);
        }

        using var unregistered = EthereumKey.Generate();
        await using (var node = await Engine.StartAsync(_chain, _data, Hex(unregistered)))
        {
            await node.Services.GetRequiredService<TransportFactorSetStartup>().Anchoring;
            var description = await node.Services.GetRequiredService<TransportFactorQueries>().DescribeAsync(null, CancellationToken.None);
            Assert.Equal(FactorSetAnchoringState.NotAnchored, description.Anchoring);
            Assert.Contains(unregistered.Address.ToString(), description.NotAnchoredReason, StringComparison.Ordinal);
            Assert.Contains("UnknownKey", description.NotAnchoredReason, StringComparison.Ordinal);
        }

        using var publisher = EthereumKey.Generate();
        await using (var node = await Engine.StartAsync(_chain, _data, Hex(publisher)))
        {
            var contracts = node.Services.GetRequiredService<TraceContracts>();
            await contracts.Participants.RegisterParticipantAsync(Keccak256.HashUtf8("acme-factor-publisher"), "urn:acme", new byte[32], ParticipantRoles.Supplier, [publisher.Address]);
        }
        await using (var node = await Engine.StartAsync(_chain, _data, Hex(publisher)))
        {
            await node.Services.GetRequiredService<TransportFactorSetStartup>().Anchoring;
            var provider = node.Services.GetRequiredService<TransportFactorProvider>();
            var recordId = Assert.IsType<string>(provider.Active.RecordId);
            var record = await node.Services.GetRequiredService<TraceStore>().GetRecordAsync(recordId, CancellationToken.None);
            Assert.NotNull(record);
            Assert.Equal(RecordKind.Other, record.Kind);
            Assert.Equal(publisher.Address.ToString(), record.Issuer);
            Assert.Equal(TransportFactorSetStartup.SubjectIdOf(TransportFactorProvider.ShippedVersion), record.Subject);
        }
    }

    [Fact]
    public async Task Other_rows_under_a_version_the_node_already_used_stop_start_up_naming_the_version()
    {
        var file = Path.Combine(_data + "-files", "acme.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            await File.WriteAllTextAsync(file, TransportFactorSetTests.ValidSet("acme-1", rail: "0.025"));
            await using (var node = await Engine.StartAsync(_chain, _data, factorsPath: file))
                Assert.Equal("acme-1", node.Services.GetRequiredService<TransportFactorProvider>().Active.Version);

            await File.WriteAllTextAsync(file, TransportFactorSetTests.ValidSet("acme-1", rail: "0.026"));
            var error = await Assert.ThrowsAsync<TransportFactorSetException>(() => Engine.StartAsync(_chain, _data, factorsPath: file));

            Assert.Equal("version", error.Path);
            Assert.Contains("'acme-1' is already known", error.Message, StringComparison.Ordinal);
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private static string Hex(EthereumKey key) => Convert.ToHexStringLower(key.ExportPrivateKey());

    /// <summary>The engine as the API hosts it, on an external chain (Chain:RpcUrl set), every hosted service started.</summary>
    private sealed class Engine : IAsyncDisposable
    {
        private readonly List<IHostedService> _started = [];

        private Engine(ServiceProvider services) => Services = services;

        public ServiceProvider Services { get; }

        public static async Task<Engine> StartAsync(AnvilFixture chain, string data, string? factorKey = null, string? factorsPath = null)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Trace:DataDirectory"] = data,
                ["Chain:RpcUrl"] = chain.Anvil.RpcUrl.ToString(),
                ["Chain:ChainId"] = (await chain.Eth.ChainIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Chain:OperatorKey"] = AnvilFixture.DevKey0,
                ["Chain:Confirmations"] = "1",
                ["Trace:Indexing:Enabled"] = "false",
                ["Trace:Carbon:FactorSigningKey"] = factorKey,
                ["Trace:Carbon:AnchoringRetryDelay"] = "00:00:00.200",
                ["Trace:Carbon:TransportFactorsPath"] = factorsPath,
            };
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var engine = new Engine(new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddTraceNode().BuildServiceProvider());
            try
            {
                foreach (var service in engine.Services.GetServices<IHostedService>())
                {
                    await service.StartAsync(CancellationToken.None);
                    engine._started.Add(service);
                }
            }
            catch
            {
                await engine.DisposeAsync(); // a host that fails to start stops what it started
                throw;
            }
            return engine;
        }

        public async ValueTask DisposeAsync()
        {
            for (var i = _started.Count - 1; i >= 0; i--) await _started[i].StopAsync(CancellationToken.None);
            await Services.DisposeAsync();
        }
    }
}
