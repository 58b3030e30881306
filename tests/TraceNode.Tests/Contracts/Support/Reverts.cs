using System.Numerics;
using Trace.Chain.Contracts;
using Trace.Crypto;

namespace Trace.Node.Tests.Contracts.Support;

/// <summary>Assertions on contract reverts (by custom error name) and on decoded event arguments.</summary>
internal static class Reverts
{
    /// <summary>Asserts that <paramref name="action"/> reverts with the custom error <paramref name="errorName"/>.</summary>
    public static async Task<ContractCallException> WithAsync(string errorName, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<ContractCallException>(action);
        Assert.True(errorName == error.ErrorName, $"expected revert {errorName}, got {error.ErrorName ?? "(unknown)"}: {error.Message}");
        return error;
    }

    public static BigInteger Number(this IReadOnlyDictionary<string, object?> arguments, string name) => (BigInteger)arguments[name]!;
    public static byte[] Bytes(this IReadOnlyDictionary<string, object?> arguments, string name) => (byte[])arguments[name]!;
    public static EthereumAddress Address(this IReadOnlyDictionary<string, object?> arguments, string name) => (EthereumAddress)arguments[name]!;

    public static BigInteger Number(this ContractEvent e, string name) => e.Arguments.Number(name);
    public static byte[] Bytes(this ContractEvent e, string name) => e.Arguments.Bytes(name);
    public static EthereumAddress Address(this ContractEvent e, string name) => e.Arguments.Address(name);
}
