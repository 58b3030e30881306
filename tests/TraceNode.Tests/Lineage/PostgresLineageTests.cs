using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Storage;
using Trace.Node.Tests.Storage;
using static Trace.Node.Tests.Lineage.Build;

namespace Trace.Node.Tests.Lineage;

/// <summary>The lineage engine on a real PostgreSQL server (savepoints, the advisory lock, decimals as text); skipped when none is installed.</summary>
[RequiresPostgres]
[Collection(PostgresCollection.Name)]
public sealed class PostgresLineageTests(PostgresClusterFixture cluster) : IAsyncLifetime
{
    private readonly Crypto.EthereumAddress _mine = Claims.RandomIssuer(), _smelter = Claims.RandomIssuer();
    private LineageHarness _node = null!;

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.SkipReason is not null) return;
        _node = new LineageHarness(async () => new TraceStorageOptions { Provider = StorageProvider.Postgres, ConnectionString = await cluster.CreateDatabaseAsync() });
        await _node.InitializeAsync();
    }

    public Task DisposeAsync() => _node?.DisposeAsync() ?? Task.CompletedTask;

    [StoreFact]
    public async Task Chain_rolls_up_and_a_refused_record_leaves_its_neighbours_committed()
    {
        // F(ORE) = 120,000; S1 rail 500 km × 1600 t × 0.025 = 20,000; F(PIG) = 1,700,000 + 96,000 + 20,000 = 1,816,000
        await _node.SubmitAsync(Batch("urn:ore", Tonnes(2000), Measured(100_000), Calculated(20_000)), _mine);
        await _node.SubmitAsync(Shipment("urn:s1", "urn:ore", Tonnes(1600), _mine.ToString(), _smelter.ToString(), [Leg(TransportMode.Rail, 500)]), _mine);
        await _node.SubmitAsync(Batch("urn:pig", Tonnes(1000)), _smelter);

        // Submitted together: the refused one (unknown batch) rolls back to its savepoint, the other commits.
        var refused = _node.RefusedAsync(Transformation("urn:bad", [In("urn:nope", Tonnes(1))], [Out("urn:pig", Tonnes(1000))]), _smelter);
        var accepted = _node.SubmitAsync(Transformation("urn:t1", [In("urn:ore", Tonnes(1600), "urn:s1")], [Out("urn:pig", Tonnes(1000))],
            Measured(1_500_000), Calculated(200_000)), _smelter);
        await Task.WhenAll(refused, accepted);

        Assert.Equal("record_json.inputs[0].batchId", (await refused).Field);
        Assert.Equal(1_816_000m, (await _node.FootprintAsync("urn:pig")).Total);
    }

    [StoreFact]
    public async Task Two_transformations_racing_for_the_last_tonne_exactly_one_wins()
    {
        await _node.SubmitAsync(Batch("urn:ore", Tonnes(1)), _smelter);
        await _node.SubmitAsync(Batch("urn:a", Tonnes(1)), _smelter);
        await _node.SubmitAsync(Batch("urn:b", Tonnes(1)), _smelter);

        var outcomes = await Task.WhenAll(new[] { "urn:a", "urn:b" }.Select(output => Task.Run(async () =>
        {
            try
            {
                await _node.SubmitAsync(Transformation("urn:t-" + output, [In("urn:ore", Tonnes(1))], [Out(output, Tonnes(1))]), _smelter);
                return "accepted";
            }
            catch (InvalidFieldException refusal)
            {
                return refusal.Field;
            }
        })));

        Assert.Equal(["accepted", "record_json.inputs[0].quantity"], outcomes.Order());
    }

    [StoreFact]
    public Task Upstream_and_downstream_answers_match_the_hand_computed_chain() => GraphReadScenario.ReadsBothWaysAsync(_node, _mine, _smelter);
}
