using System.Numerics;
using Microsoft.Extensions.Logging;
using Trace.Chain.Accounts;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>
/// Fresh keys funded with anvil_setBalance, so each test owns its account: its nonces and balance are
/// untouched by the other tests sharing the collection's Anvil.
/// </summary>
internal static class FundedAccounts
{
    public static readonly BigInteger OneEther = BigInteger.Pow(10, 18);

    /// <summary>A new random key holding <paramref name="ether"/> ETH on the fixture's chain.</summary>
    public static async Task<EthereumKey> NewKeyAsync(AnvilFixture fixture, int ether = 100)
    {
        var key = EthereumKey.Generate();
        await fixture.Rpc.CallAsync("anvil_setBalance", [key.Address.ToLowerHex(), HexQuantity.Format(OneEther * ether)]);
        return key;
    }

    /// <summary>A transaction sender for a new funded key on chain 31337.</summary>
    public static async Task<TransactionSender> NewSenderAsync(AnvilFixture fixture, TimeSpan? dropTimeout = null, ILogger<TransactionSender>? logger = null)
    {
        var key = await NewKeyAsync(fixture);
        return new TransactionSender(fixture.Eth, key, await fixture.Eth.ChainIdAsync(), logger) { DropTimeout = dropTimeout ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary>A fresh address nobody holds a key for, with a zero balance.</summary>
    public static EthereumAddress NewRecipient()
    {
        using var key = EthereumKey.Generate();
        return key.Address;
    }
}
