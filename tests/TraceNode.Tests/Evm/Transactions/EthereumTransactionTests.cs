using System.Text.Json;
using Trace.Crypto;
using Trace.Node.Evm.Encoding;
using Trace.Node.Evm.Transactions;
using Trace.Node.Tests.Support;
using Xunit.Abstractions;

namespace Trace.Node.Tests.Evm.Transactions;

/// <summary>
/// ethereum/tests TransactionTests (ttSignature, ttWrongRLP, ttRSValue, ttVValue, ttEIP1559), newest fork entry of each file.
/// The suites run on chain 1, so bytes are decoded with expected chain id 1. The per-fork "intrinsicGas" figure is not
/// checked: the gas schedule is a fork rule of block validation, not something a client library decides.
/// </summary>
public class EthereumTransactionTests(ITestOutputHelper output)
{
    private const string Dir = "ethereum-tests/TransactionTests";
    private const ulong ChainId = 1;

    private static readonly string[] ForkOrder =
    [
        "Frontier", "Homestead", "EIP150", "EIP158", "Byzantium", "Constantinople", "ConstantinopleFix",
        "Istanbul", "Berlin", "London", "Paris", "Shanghai", "Cancun", "Prague", "Osaka",
    ];

    public sealed record Case(string Name, string TxBytes, string Fork, string? Exception, string? Hash, string? Sender)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in LoadAll()) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Newest_fork_outcome_is_reproduced(string name)
    {
        var c = LoadAll().Single(x => x.Name == name);
        var (passed, detail) = Run(c);
        Assert.True(passed, detail);
    }

    [Fact]
    public void Tally_every_suite_passes()
    {
        var cases = LoadAll();
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var (passed, detail) = Run(c);
            output.WriteLine($"{(passed ? "ok  " : "FAIL")} {c.Name}: {detail}");
            if (!passed) failures.Add($"{c.Name}: {detail}");
        }
        var valid = cases.Count(c => c.Exception is null);
        output.WriteLine($"{cases.Count - failures.Count}/{cases.Count} passed ({valid} valid with hash+sender, {cases.Count - valid} to reject); skipped: 0");
        Assert.Empty(failures);
    }

    internal static (bool Passed, string Detail) Run(Case c)
    {
        byte[] bytes;
        if (!Hex.TryDecode(c.TxBytes, out var decodedHex)) return (false, "txbytes is not hex");
        bytes = decodedHex;
        try
        {
            var signed = TransactionDecoder.Decode(bytes, ChainId);
            if (c.Exception is not null) return (false, $"accepted, expected {c.Exception} ({c.Fork})");
            var hashOk = string.Equals(signed.HashHex, c.Hash, StringComparison.OrdinalIgnoreCase);
            var senderOk = string.Equals(signed.From.ToLowerHex(), c.Sender, StringComparison.OrdinalIgnoreCase);
            return (hashOk && senderOk, $"hash {signed.HashHex} vs {c.Hash}, sender {signed.From.ToLowerHex()} vs {c.Sender}");
        }
        catch (Exception e) when (e is RlpException or InvalidTransactionException or InvalidSignatureException)
        {
            if (c.Exception is null) return (false, $"rejected with {e.GetType().Name}: {e.Message}; expected hash {c.Hash}");
            var expected = ExpectedTypes(c.Exception);
            return (expected.Contains(e.GetType()), $"{c.Exception} → {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Which of our exceptions matches each ethereum/tests exception name. Legacy v out of range is an
    /// InvalidTransactionException here (v carries the chain id) while the suites sometimes call it INVALID_SIGNATURE_VRS.
    /// </summary>
    private static Type[] ExpectedTypes(string exception) => exception.Replace("TransactionException.", "") switch
    {
        "INVALID_SIGNATURE_VRS" => [typeof(InvalidSignatureException), typeof(InvalidTransactionException)],
        "EC_RECOVERY_FAIL" => [typeof(InvalidSignatureException)],
        var name when name.StartsWith("RLP_LEADING_ZEROS", StringComparison.Ordinal) || name.StartsWith("RLP_ERROR", StringComparison.Ordinal) => [typeof(RlpException)],
        _ => [typeof(InvalidTransactionException)],
    };

    internal static List<Case> LoadAll()
    {
        var result = new List<Case>();
        foreach (var file in Directory.GetFiles(VectorFiles.Path(Dir), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var suite = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(file))!;
            foreach (var test in doc.RootElement.EnumerateObject())
            {
                var results = test.Value.GetProperty("result");
                var fork = results.EnumerateObject().Select(p => p.Name).MaxBy(f => Array.IndexOf(ForkOrder, f))!;
                if (Array.IndexOf(ForkOrder, fork) < 0) throw new InvalidOperationException($"unknown fork {fork} in {file}");
                var outcome = results.GetProperty(fork);
                result.Add(new Case(
                    $"{suite}/{System.IO.Path.GetFileNameWithoutExtension(file)}/{test.Name}",
                    test.Value.GetProperty("txbytes").GetString()!,
                    fork,
                    outcome.TryGetProperty("exception", out var ex) ? ex.GetString() : null,
                    outcome.TryGetProperty("hash", out var h) ? h.GetString() : null,
                    outcome.TryGetProperty("sender", out var s) ? s.GetString() : null));
            }
        }
        return result;
    }
}
