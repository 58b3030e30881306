using Trace.Chain.Rpc;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>JSON-RPC batches against a real Anvil: one round trip, each answer matched to its call, errors kept per call.</summary>
[Collection(AnvilCollection.Name)]
public sealed class AnvilBatchTests(AnvilFixture fixture)
{
    [Fact]
    public async Task Batch_returns_each_result_with_its_own_request_and_error()
    {
        var key = await FundedAccounts.NewKeyAsync(fixture, ether: 7);

        var results = await fixture.Rpc.BatchAsync([
            new RpcRequest("eth_chainId", []),
            new RpcRequest("eth_getBalance", [key.Address.ToLowerHex(), "latest"]),
            new RpcRequest("eth_noSuchMethod", []),
            new RpcRequest("eth_getTransactionCount", [key.Address.ToLowerHex(), "latest"]),
            new RpcRequest("eth_blockNumber", []),
        ]);

        Assert.Equal(5, results.Length);
        Assert.Equal(31337UL, HexQuantity.ParseUInt64(results[0].GetResultOrThrow().GetString()!));
        Assert.Equal(FundedAccounts.OneEther * 7, HexQuantity.ParseBigInteger(results[1].GetResultOrThrow().GetString()!));
        var missing = Assert.Throws<RpcException>(() => results[2].GetResultOrThrow());
        Assert.Equal(-32601, missing.Code);
        Assert.False(missing.IsTransient);
        Assert.Equal(0UL, HexQuantity.ParseUInt64(results[3].GetResultOrThrow().GetString()!));
        Assert.Equal(await fixture.Eth.BlockNumberAsync(), HexQuantity.ParseUInt64(results[4].GetResultOrThrow().GetString()!));
    }
}
