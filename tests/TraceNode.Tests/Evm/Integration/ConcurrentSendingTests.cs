using System.Numerics;
using Trace.Chain.Accounts;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>Many concurrent senders on one key get distinct, gap-free nonces and all their transactions mine.</summary>
[Collection(AnvilCollection.Name)]
public sealed class ConcurrentSendingTests(AnvilFixture fixture)
{
    [Fact]
    public async Task Fifty_concurrent_sends_on_one_key_mine_with_fifty_distinct_consecutive_nonces()
    {
        const int count = 50;
        var sender = await FundedAccounts.NewSenderAsync(fixture);
        var recipient = FundedAccounts.NewRecipient();

        var receipts = await Task.WhenAll(Enumerable.Range(1, count)
            .Select(i => Task.Run(() => sender.SendAndWaitAsync(new TransactionRequest(recipient, [], new BigInteger(i))))));

        Assert.All(receipts, r => Assert.True(r.Succeeded));
        Assert.Equal(count, receipts.Select(r => Convert.ToHexString(r.TransactionHash)).Distinct().Count());
        var nonces = new List<ulong>();
        foreach (var receipt in receipts)
            nonces.Add((await fixture.Eth.GetTransactionAsync(receipt.TransactionHash))!.Nonce);
        Assert.Equal(Enumerable.Range(0, count).Select(n => (ulong)n), nonces.Order());
        Assert.Equal((ulong)count, await fixture.Eth.GetTransactionCountAsync(sender.Address, Trace.Chain.Rpc.BlockTag.Latest));
        Assert.Equal(new BigInteger(count * (count + 1) / 2), await fixture.Eth.GetBalanceAsync(recipient));
    }
}
