using System.Numerics;
using Trace.Chain.Accounts;
using Trace.Chain.Rpc;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>
/// A transaction the node drops before mining is detected by the sender, and its nonce is handed out again
/// so the account's nonce sequence has no gap and the transactions sent after it still mine.
/// Automine is off while a test runs, so transactions wait in Anvil's pool until the test mines them.
/// </summary>
[Collection(AnvilCollection.Name)]
public sealed class DroppedTransactionTests(AnvilFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan DropTimeout = TimeSpan.FromSeconds(1);

    public Task InitializeAsync() => fixture.Rpc.CallAsync("evm_setAutomine", [false]);

    public Task DisposeAsync() => fixture.Rpc.CallAsync("evm_setAutomine", [true]);

    [Fact]
    public async Task Dropped_transaction_nonce_is_reused_by_the_next_send_so_the_transaction_queued_behind_it_mines()
    {
        var log = new RecordingLogger<TransactionSender>();
        var sender = await FundedAccounts.NewSenderAsync(fixture, DropTimeout, log);
        var recipient = FundedAccounts.NewRecipient();
        var dropped = await sender.SendAsync(Transfer(recipient, 1));
        await fixture.Rpc.CallAsync("anvil_dropTransaction", [dropped.HashHex]);
        // Sent before anyone noticed the drop: nonce 1 waits in the pool behind the missing nonce 0.
        var queued = await sender.SendAsync(Transfer(recipient, 10));

        await Assert.ThrowsAsync<TransactionDroppedException>(() => sender.WaitForReceiptAsync(dropped));
        var refill = await sender.SendAsync(Transfer(recipient, 100));
        // Nonce 1 is still in flight: the send after the refill must not touch it (a clash would be refused, or,
        // with a 10 % higher fee, silently replace the queued transaction).
        var next = await sender.SendAsync(Transfer(recipient, 1000));
        await fixture.Rpc.CallAsync("evm_mine", []);

        Assert.Equal([0UL, 1UL, 0UL, 2UL], new[] { dropped, queued, refill, next }.Select(t => t.Transaction.Nonce));
        Assert.DoesNotContain(log.Lines, line => line.Contains("refused"));
        foreach (var mined in new[] { queued, refill, next }) Assert.True((await sender.WaitForReceiptAsync(mined)).Succeeded);
        Assert.Null(await fixture.Eth.GetTransactionReceiptAsync(dropped.Hash));
        Assert.Equal(3UL, await fixture.Eth.GetTransactionCountAsync(sender.Address, BlockTag.Latest));
        Assert.Equal(new BigInteger(1110), await fixture.Eth.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task Every_dropped_nonce_is_refilled_lowest_first()
    {
        var sender = await FundedAccounts.NewSenderAsync(fixture, DropTimeout);
        var recipient = FundedAccounts.NewRecipient();
        var first = await sender.SendAsync(Transfer(recipient, 1));
        var second = await sender.SendAsync(Transfer(recipient, 2));
        await fixture.Rpc.CallAsync("anvil_dropAllTransactions", []);

        await Task.WhenAll(
            Assert.ThrowsAsync<TransactionDroppedException>(() => sender.WaitForReceiptAsync(second)),
            Assert.ThrowsAsync<TransactionDroppedException>(() => sender.WaitForReceiptAsync(first)));
        var refills = new[] { await sender.SendAsync(Transfer(recipient, 10)), await sender.SendAsync(Transfer(recipient, 20)) };
        var fresh = await sender.SendAsync(Transfer(recipient, 40));
        await fixture.Rpc.CallAsync("evm_mine", []);

        Assert.Equal([0UL, 1UL, 2UL], refills.Append(fresh).Select(t => t.Transaction.Nonce));
        foreach (var transaction in refills.Append(fresh)) Assert.True((await sender.WaitForReceiptAsync(transaction)).Succeeded);
        Assert.Equal(new BigInteger(70), await fixture.Eth.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task Released_nonce_that_was_mined_after_all_is_not_handed_out_again()
    {
        var sender = await FundedAccounts.NewSenderAsync(fixture, DropTimeout);
        var recipient = FundedAccounts.NewRecipient();
        var dropped = await sender.SendAsync(Transfer(recipient, 1));
        await fixture.Rpc.CallAsync("anvil_dropTransaction", [dropped.HashHex]);
        await Assert.ThrowsAsync<TransactionDroppedException>(() => sender.WaitForReceiptAsync(dropped));

        // Another node still had the transaction and re-broadcast it: nonce 0 is used after all.
        await fixture.Eth.SendRawTransactionAsync(dropped.Raw);
        await fixture.Rpc.CallAsync("evm_mine", []);
        var next = await sender.SendAsync(Transfer(recipient, 10));
        await fixture.Rpc.CallAsync("evm_mine", []);

        Assert.Equal(1UL, next.Transaction.Nonce);
        Assert.True((await sender.WaitForReceiptAsync(next)).Succeeded);
        Assert.Equal(new BigInteger(11), await fixture.Eth.GetBalanceAsync(recipient));
    }

    private static TransactionRequest Transfer(Trace.Crypto.EthereumAddress to, int wei) => new(to, [], new BigInteger(wei), GasLimit: 21_000);
}
