using System.Numerics;
using Trace.Chain.Contracts;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Node.Tests.Evm.Integration.ProbeDtos;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>The contract client against a deployed Probe: views, ABI round trips, transactions and their events.</summary>
[Collection(AnvilCollection.Name)]
public sealed class ProbeContractTests(AnvilFixture fixture)
{
    [Fact]
    public async Task Deployed_probe_has_runtime_code_and_answers_its_views()
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);

        Assert.NotEmpty(await fixture.Eth.GetCodeAsync(probe.Address));
        Assert.Equal(BigInteger.Zero, await ValueAsync(probe));
        Assert.Equal(new BigInteger(1_000_000), (await probe.QueryAsync<LIMITFunction, LIMITOutput>(new())).ReturnValue1);
        Assert.Equal(BigInteger.Zero, await StoresByAsync(probe, probe.Sender!.Address));
    }

    [Fact]
    public async Task Echo_returns_address_bool_bytes_and_uint64_array_unchanged()
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);
        var who = EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var data = Enumerable.Range(0, 70).Select(i => (byte)(i * 7)).ToArray(); // spans three words, the last one partial
        List<ulong> numbers = [0, 1, ulong.MaxValue, 1UL << 63];

        var output = await probe.QueryAsync<EchoFunction, EchoOutput>(new() { Who = who.ToString(), Flag = true, Data = data, Numbers = numbers });

        Assert.Equal(who, EthereumAddress.Parse(output.ReturnValue1));
        Assert.True(output.ReturnValue2);
        Assert.Equal(data, output.ReturnValue3);
        Assert.Equal(numbers, output.ReturnValue4);

        var empty = await probe.QueryAsync<EchoFunction, EchoOutput>(new() { Who = EthereumAddress.Zero.ToString(), Flag = false, Data = [], Numbers = [] });
        Assert.Equal(EthereumAddress.Zero, EthereumAddress.Parse(empty.ReturnValue1));
        Assert.False(empty.ReturnValue2);
        Assert.Empty(empty.ReturnValue3);
        Assert.Empty(empty.ReturnValue4);
    }

    [Fact]
    public async Task Store_changes_the_value_and_its_Stored_event_decodes_from_the_receipt()
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);
        var tag = Keccak256.HashUtf8("batch-42");

        var receipt = await probe.SendAsync(ProbeDeployment.Store(777, "kiln #3, 2.4 tCO2e", tag));

        Assert.True(receipt.Receipt.Succeeded);
        var stored = receipt.Event("Stored");
        Assert.Equal(probe.Address, stored.Log.Address);
        Assert.Equal(probe.Sender!.Address, stored["by"]);
        Assert.Equal(new BigInteger(777), stored["value"]);
        Assert.Equal("kiln #3, 2.4 tCO2e", stored["note"]);
        Assert.Equal(tag, stored["tag"]);
        var typed = receipt.Event<StoredEvent>();
        Assert.Equal((probe.Sender.Address, new BigInteger(777), "kiln #3, 2.4 tCO2e"), (EthereumAddress.Parse(typed.By), typed.Value, typed.Note));
        Assert.Equal(new BigInteger(777), await ValueAsync(probe));
        Assert.Equal(BigInteger.One, await StoresByAsync(probe, probe.Sender.Address));
    }

    [Fact]
    public async Task Stored_events_read_through_the_log_pager_filter_by_address_topic_and_indexed_sender()
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);
        var other = await ProbeDeployment.DeployAsync(fixture, probe.Sender); // same event, different address: must not match
        var otherSender = await FundedAccounts.NewSenderAsync(fixture);
        var fromOtherSender = probe.As(otherSender);
        var first = await fixture.Eth.BlockNumberAsync() + 1;
        await probe.SendAsync(ProbeDeployment.Store(1, "one", new byte[32]));
        await other.SendAsync(ProbeDeployment.Store(2, "elsewhere", new byte[32]));
        await fromOtherSender.SendAsync(ProbeDeployment.Store(3, "other sender", new byte[32]));
        await probe.SendAsync(ProbeDeployment.Store(1_000_000, "at the limit", Keccak256.HashUtf8("x")));
        var last = await fixture.Eth.BlockNumberAsync();

        var storedTopic = ContractDefinition.Topic0<StoredEvent>();
        var filter = new LogFilter(first, last, [probe.Address], [storedTopic, [.. new byte[12], .. probe.Sender!.Address.Bytes]]);
        var events = new List<ContractEvent>();
        await foreach (var (logs, _) in new LogPager(fixture.Eth, initialPageSize: 2).ReadAsync(filter))
            events.AddRange(probe.DecodeEvents(logs));

        Assert.Equal(["one", "at the limit"], events.Select(e => (string)e["note"]!));
        Assert.Equal([BigInteger.One, new BigInteger(1_000_000)], events.Select(e => (BigInteger)e["value"]!));
        Assert.All(events, e => Assert.Equal(probe.Sender.Address, e["by"]));
        Assert.All(events, e => Assert.Equal(probe.Address, e.Log.Address));
        Assert.Equal(Keccak256.HashUtf8("x"), events[1]["tag"]);

        var byAnyone = new List<ContractEvent>();
        await foreach (var (logs, _) in new LogPager(fixture.Eth).ReadAsync(filter with { Topics = [storedTopic] }))
            byAnyone.AddRange(probe.DecodeEvents(logs));
        Assert.Equal(["one", "other sender", "at the limit"], byAnyone.Select(e => (string)e["note"]!));
        Assert.Equal(otherSender.Address, byAnyone[1]["by"]);
    }

    private static async Task<BigInteger> ValueAsync(ContractClient probe) => (await probe.QueryAsync<ValueFunction, ValueOutput>(new())).ReturnValue1;

    private static async Task<BigInteger> StoresByAsync(ContractClient probe, EthereumAddress who) =>
        (await probe.QueryAsync<StoresByFunction, StoresByOutput>(new() { Arg1 = who.ToString() })).ReturnValue1;
}
