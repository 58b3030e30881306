using System.Numerics;
using Trace.Crypto;
using Trace.Node.Contracts;
using Trace.Node.Evm.Rpc;
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
        Assert.Equal(BigInteger.Zero, await probe.CallAsync<BigInteger>("value"));
        Assert.Equal(new BigInteger(1_000_000), await probe.CallAsync<BigInteger>("LIMIT"));
        Assert.Equal(BigInteger.Zero, await probe.CallAsync<BigInteger>("storesBy", probe.Sender!.Address));
    }

    [Fact]
    public async Task Echo_returns_address_bool_bytes_and_uint64_array_unchanged()
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);
        var who = EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var data = Enumerable.Range(0, 70).Select(i => (byte)(i * 7)).ToArray(); // spans three words, the last one partial
        object?[] numbers = [BigInteger.Zero, BigInteger.One, new BigInteger(ulong.MaxValue), new BigInteger(1UL << 63)];

        var output = await probe.CallAsync("echo", [who, true, data, numbers]);

        Assert.Equal(who, output[0]);
        Assert.Equal(true, output[1]);
        Assert.Equal(data, output[2]);
        Assert.Equal(numbers, (object?[])output[3]!);

        var empty = await probe.CallAsync("echo", [EthereumAddress.Zero, false, Array.Empty<byte>(), Array.Empty<object?>()]);
        Assert.Equal(EthereumAddress.Zero, empty[0]);
        Assert.Equal(false, empty[1]);
        Assert.Empty((byte[])empty[2]!);
        Assert.Empty((object?[])empty[3]!);
    }

    [Fact]
    public async Task Store_changes_the_value_and_its_Stored_event_decodes_from_the_receipt()
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);
        var tag = Keccak256.HashUtf8("batch-42");

        var receipt = await probe.SendAsync("store", [new BigInteger(777), "kiln #3, 2.4 tCO2e", tag]);

        Assert.True(receipt.Receipt.Succeeded);
        var stored = receipt.Event("Stored");
        Assert.Equal(probe.Address, stored.Log.Address);
        Assert.Equal(probe.Sender!.Address, stored["by"]);
        Assert.Equal(new BigInteger(777), stored["value"]);
        Assert.Equal("kiln #3, 2.4 tCO2e", stored["note"]);
        Assert.Equal(tag, stored["tag"]);
        Assert.Equal(new BigInteger(777), await probe.CallAsync<BigInteger>("value"));
        Assert.Equal(BigInteger.One, await probe.CallAsync<BigInteger>("storesBy", probe.Sender.Address));
    }

    [Fact]
    public async Task Stored_events_read_through_the_log_pager_filter_by_address_topic_and_indexed_sender()
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);
        var other = await ProbeDeployment.DeployAsync(fixture, probe.Sender); // same event, different address: must not match
        var otherSender = await FundedAccounts.NewSenderAsync(fixture);
        var fromOtherSender = new ContractClient(probe.Name, probe.Abi, probe.Address, fixture.Eth, otherSender);
        var first = await fixture.Eth.BlockNumberAsync() + 1;
        await probe.SendAsync("store", [new BigInteger(1), "one", new byte[32]]);
        await other.SendAsync("store", [new BigInteger(2), "elsewhere", new byte[32]]);
        await fromOtherSender.SendAsync("store", [new BigInteger(3), "other sender", new byte[32]]);
        await probe.SendAsync("store", [new BigInteger(1_000_000), "at the limit", Keccak256.HashUtf8("x")]);
        var last = await fixture.Eth.BlockNumberAsync();

        var stored = probe.Abi.Event("Stored");
        var filter = new LogFilter(first, last, [probe.Address],
            [stored.Topic0.ToArray(), stored.EncodeTopic("by", probe.Sender!.Address)]);
        var events = new List<ContractEvent>();
        await foreach (var (logs, _) in new LogPager(fixture.Eth, initialPageSize: 2).ReadAsync(filter))
            events.AddRange(probe.DecodeEvents(logs));

        Assert.Equal(["one", "at the limit"], events.Select(e => (string)e["note"]!));
        Assert.Equal([BigInteger.One, new BigInteger(1_000_000)], events.Select(e => (BigInteger)e["value"]!));
        Assert.All(events, e => Assert.Equal(probe.Sender.Address, e["by"]));
        Assert.All(events, e => Assert.Equal(probe.Address, e.Log.Address));
        Assert.Equal(Keccak256.HashUtf8("x"), events[1]["tag"]);

        var byAnyone = new List<ContractEvent>();
        await foreach (var (logs, _) in new LogPager(fixture.Eth).ReadAsync(filter with { Topics = [stored.Topic0.ToArray()] }))
            byAnyone.AddRange(probe.DecodeEvents(logs));
        Assert.Equal(["one", "other sender", "at the limit"], byAnyone.Select(e => (string)e["note"]!));
        Assert.Equal(otherSender.Address, byAnyone[1]["by"]);
    }
}
