using System.Text.Json;
using Trace.Chain.Rpc;
using Trace.Crypto;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>
/// The log pager against a stub node that refuses wide eth_getLogs ranges the way hosted nodes do:
/// it narrows the range, reads every block exactly once, in order, and never retries a refusal as is.
/// </summary>
public sealed class LogPagerTests
{
    private const ulong MaxRange = 100;
    private static readonly EthereumAddress Contract = EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

    [Theory]
    [InlineData(-32005, "query returned more than 10000 results. Try with this block range [0x0, 0x63].")]
    [InlineData(-32000, "exceed maximum block range: 100")]
    [InlineData(-32602, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range")]
    [InlineData(-32005, "Requested range exceeds maximum range limit")]
    [InlineData(-32614, "eth_getLogs is limited to a 10,000 range")]
    public async Task Refused_wide_range_is_split_until_the_node_answers_and_every_block_is_read_once(int code, string message)
    {
        using var stub = new RpcStub((request, _) => StubReply.Ok(Answer(request, code, message))).Start();
        using var client = new JsonRpcClient(stub.Url, new JsonRpcOptions { InitialBackoff = TimeSpan.FromMilliseconds(10) });

        var blocks = new List<ulong>();
        var throughs = new List<ulong>();
        await foreach (var (logs, through) in new LogPager(new EthRpc(client), initialPageSize: 1_000).ReadAsync(new LogFilter(0, 999, [Contract])))
        {
            blocks.AddRange(logs.Select(l => l.BlockNumber));
            throughs.Add(through);
        }

        Assert.Equal(Enumerable.Range(0, 1_000).Select(b => (ulong)b), blocks);
        Assert.Equal(999UL, throughs[^1]);
        Assert.Equal(throughs.Order(), throughs);
        var ranges = stub.Requests.Select(Range).ToList();
        Assert.Contains(ranges, r => r.To - r.From + 1 > MaxRange); // it did try wide ranges…
        // …and never asked for the same refused range twice (a refusal is not a transient fault to retry).
        Assert.Equal(ranges.Count, ranges.Distinct().Count());
    }

    [Fact]
    public async Task Range_refused_even_for_a_single_block_is_raised()
    {
        using var stub = new RpcStub((request, _) => StubReply.Ok(RpcStub.Error(request, -32005, "query returned more than 10000 results"))).Start();
        using var client = new JsonRpcClient(stub.Url);

        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in new LogPager(new EthRpc(client), initialPageSize: 4).ReadAsync(new LogFilter(10, 20, [Contract]))) { }
        });

        Assert.Contains("more than 10000", e.RpcMessage);
        Assert.Equal([(10UL, 13UL), (10UL, 11UL), (10UL, 10UL)], stub.Requests.Select(Range));
    }

    [Fact]
    public async Task Other_errors_are_not_mistaken_for_a_refused_range()
    {
        using var stub = new RpcStub((request, _) => StubReply.Ok(RpcStub.Error(request, -32602, "invalid argument 0: invalid address"))).Start();
        using var client = new JsonRpcClient(stub.Url);

        await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in new LogPager(new EthRpc(client)).ReadAsync(new LogFilter(0, 10_000, [Contract]))) { }
        });

        Assert.Single(stub.Requests);
    }

    private static string Answer(JsonElement request, int code, string message)
    {
        var (from, to) = Range(request);
        if (to - from + 1 > MaxRange) return RpcStub.Error(request, code, message);
        var logs = new List<object>();
        for (var block = from; block <= to; block++) logs.Add(Log(block));
        return RpcStub.Result(request, logs);
    }

    private static (ulong From, ulong To) Range(JsonElement request)
    {
        var filter = request.GetProperty("params")[0];
        return (HexQuantity.ParseUInt64(filter.GetProperty("fromBlock").GetString()!), HexQuantity.ParseUInt64(filter.GetProperty("toBlock").GetString()!));
    }

    private static object Log(ulong block)
    {
        var hash = Hex.Encode(Keccak256.HashUtf8($"block {block}"));
        return new Dictionary<string, object>
        {
            ["address"] = Contract.ToLowerHex(),
            ["topics"] = new[] { Hex.Encode(Keccak256.HashUtf8("Stored(address,uint256,string,bytes32)")) },
            ["data"] = "0x",
            ["blockNumber"] = HexQuantity.Format(block),
            ["blockHash"] = hash,
            ["transactionHash"] = hash,
            ["transactionIndex"] = "0x0",
            ["logIndex"] = "0x0",
            ["removed"] = false,
        };
    }
}
