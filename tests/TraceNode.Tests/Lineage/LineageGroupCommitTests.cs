using Trace.Node.Tests.Storage;
using static Trace.Node.Tests.Lineage.Build;

namespace Trace.Node.Tests.Lineage;

/// <summary>
/// Records applied by the single writer as one group (one transaction, rows flushed once at its end): each record sees
/// the ones before it, a refused one leaves nothing and takes nothing from its neighbours.
/// </summary>
public sealed class LineageGroupCommitTests : IAsyncLifetime
{
    private readonly LineageHarness _node = new();
    private readonly Crypto.EthereumAddress _smelter = Claims.RandomIssuer();

    public async Task InitializeAsync()
    {
        await _node.InitializeAsync();
        // 100 t of ore at 1,000 kgCO2e/t, and empty output batches for the transformations below.
        await _node.SubmitAsync(Batch("urn:ore", Tonnes(100), Measured(100_000)), _smelter);
        foreach (var output in new[] { "urn:out1", "urn:out2", "urn:out3", "urn:out4" })
            await _node.SubmitAsync(Batch(output, Tonnes(10)), _smelter);
    }

    public Task DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task Refused_records_inside_a_group_leave_nothing_and_their_neighbours_see_only_each_other()
    {
        var outcomes = await _node.AttemptAsOneGroupAsync(
            (Transformation("urn:t1", [In("urn:ore", Tonnes(60))], [Out("urn:out1", Tonnes(10))], Measured(1_000)), _smelter),
            (Transformation("urn:t2", [In("urn:ore", Tonnes(50))], [Out("urn:out2", Tonnes(10))]), _smelter),
            (Transformation("urn:t3", [In("urn:ore", Tonnes(10))], [Out("urn:out3", Tonnes(10))], Measured(10, "0x" + new string('7', 64))), _smelter),
            (Transformation("urn:t4", [In("urn:ore", Tonnes(40))], [Out("urn:out4", Tonnes(10))]), _smelter),
            (Transformation("urn:t5", [In("urn:ore", Tonnes(1))], [Out("urn:out3", Tonnes(10))]), _smelter));

        Assert.NotNull(outcomes[0].RecordId);
        // t2 sees t1's 60 t gone although t1's rows are not flushed yet.
        Assert.Equal("record_json.inputs[0].quantity", outcomes[1].Refusal?.Field);
        Assert.Contains("40", outcomes[1].Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal("record_json.emissions.scope1.evidence[0]", outcomes[2].Refusal?.Field);
        // t4 takes exactly what is left after t1: neither refused record consumed anything.
        Assert.NotNull(outcomes[3].RecordId);
        // t5 is refused for the balance, not because out3 was already produced by the refused t3.
        Assert.Equal("record_json.inputs[0].quantity", outcomes[4].Refusal?.Field);

        Assert.Equal(61_000m, (await _node.FootprintAsync("urn:out1")).Total); // 60 × 1,000 + 1,000
        Assert.Equal(40_000m, (await _node.FootprintAsync("urn:out4")).Total);
        Assert.Equal(0m, (await _node.FootprintAsync("urn:out2")).Total);
        Assert.Equal(0m, (await _node.FootprintAsync("urn:out3")).Total);
    }

    [Fact]
    public async Task A_cycle_closed_by_two_transformations_of_one_group_is_refused()
    {
        var outcomes = await _node.AttemptAsOneGroupAsync(
            (Transformation("urn:t12", [In("urn:out1", Tonnes(5))], [Out("urn:out2", Tonnes(10))]), _smelter),
            (Transformation("urn:t21", [In("urn:out2", Tonnes(5))], [Out("urn:out1", Tonnes(10))]), _smelter));

        Assert.NotNull(outcomes[0].RecordId);
        Assert.Equal("record_json.inputs", outcomes[1].Refusal?.Field);
        Assert.Contains("cycle", outcomes[1].Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_inside_a_group_is_applied_in_its_place_between_new_records()
    {
        var t1 = await _node.SubmitAsync(Transformation("urn:t1", [In("urn:ore", Tonnes(50))], [Out("urn:out1", Tonnes(10))], Measured(1_000)), _smelter);

        var outcomes = await _node.AttemptAsOneGroupAsync(
            (Transformation("urn:t2", [In("urn:ore", Tonnes(30))], [Out("urn:out2", Tonnes(10))]), _smelter),
            // Releases t1's 50 t and takes 70: 30 + 70 = all of the ore.
            (Transformation("urn:t1", [In("urn:ore", Tonnes(70))], [Out("urn:out1", Tonnes(10))], Measured(2_000), supersedes: t1), _smelter),
            (Transformation("urn:t3", [In("urn:ore", Tonnes(1))], [Out("urn:out3", Tonnes(10))]), _smelter),
            (Transformation("urn:t4", [In("urn:out2", Tonnes(10))], [Out("urn:out4", Tonnes(10))], Measured(500)), _smelter),
            (Transformation("urn:t5", [In("urn:out4", Tonnes(1))], [Out("urn:out2", Tonnes(10))]), _smelter));

        Assert.NotNull(outcomes[0].RecordId);
        Assert.NotNull(outcomes[1].RecordId);
        Assert.Equal("record_json.inputs[0].quantity", outcomes[2].Refusal?.Field);
        Assert.NotNull(outcomes[3].RecordId);
        // out2 is already t2's output (a refusal on the output comes before the cycle it would also close).
        Assert.Equal("record_json.outputs[0].batchId", outcomes[4].Refusal?.Field);

        Assert.Equal(72_000m, (await _node.FootprintAsync("urn:out1")).Total); // 70 × 1,000 + 2,000
        Assert.Equal(30_000m, (await _node.FootprintAsync("urn:out2")).Total);
        Assert.Equal(30_500m, (await _node.FootprintAsync("urn:out4")).Total); // all of out2 + 500
    }
}
