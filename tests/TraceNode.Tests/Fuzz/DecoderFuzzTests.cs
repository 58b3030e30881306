using Trace.Crypto;
using Trace.Node.Evm.Encoding;
using Trace.Node.Evm.Transactions;
using Trace.Node.Tests.Evm.Transactions;

namespace Trace.Node.Tests.Fuzz;

/// <summary>
/// Random and mutated inputs (fixed seeds, so failures reproduce) must only ever raise the decoders' own exceptions:
/// no IndexOutOfRange, overflow, stack overflow or hang.
/// </summary>
public class DecoderFuzzTests
{
    private const int Iterations = 4000;

    [Fact]
    public void Rlp_decoder_only_throws_RlpException_on_random_bytes()
    {
        var random = new Random(1559);
        var accepted = 0;
        foreach (var input in Inputs(random, Seeds()))
        {
            try
            {
                var item = Rlp.Decode(input);
                Assert.Equal(input, Rlp.Encode(item)); // anything accepted is canonical
                accepted++;
            }
            catch (RlpException)
            {
            }
        }
        Assert.True(accepted > 0, "the corpus never produced valid RLP, so the test proves little");
    }

    [Fact]
    public void Transaction_decoder_only_throws_its_specific_exceptions_on_random_and_mutated_bytes()
    {
        var random = new Random(155);
        var outcomes = new Dictionary<string, int>();
        foreach (var input in Inputs(random, Seeds()))
        {
            string outcome;
            try
            {
                var signed = TransactionDecoder.Decode(input);
                Assert.Equal(input, signed.Raw);
                outcome = "accepted";
            }
            catch (Exception e) when (e is RlpException or InvalidTransactionException or InvalidSignatureException)
            {
                outcome = e.GetType().Name;
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Assert.True(outcomes.Count >= 3, string.Join(", ", outcomes));
    }

    [Fact]
    public void Signature_parsing_and_recovery_only_throw_InvalidSignatureException()
    {
        var random = new Random(2);
        var digest = new byte[32];
        for (var i = 0; i < Iterations / 4; i++)
        {
            var bytes = new byte[random.Next(2) == 0 ? 65 : random.Next(0, 80)];
            random.NextBytes(bytes);
            if (bytes.Length == 65) bytes[64] = (byte)random.Next(0, 30);
            random.NextBytes(digest);
            try
            {
                Secp256k1.RecoverAddress(digest, EcdsaSignature.FromBytes65(bytes), allowHighS: random.Next(2) == 0);
            }
            catch (InvalidSignatureException)
            {
            }
        }
    }

    private static IEnumerable<byte[]> Seeds()
    {
        using var key = EthereumKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        yield return TransactionSigner.Sign(TransactionBuilder.Legacy(), key).Raw;
        yield return TransactionSigner.Sign(TransactionBuilder.Legacy(chainId: null), key).Raw;
        yield return TransactionSigner.Sign(TransactionBuilder.Eip2930(), key).Raw;
        yield return TransactionSigner.Sign(TransactionBuilder.Eip1559(TransactionBuilder.SampleAccessList), key).Raw;
        yield return Rlp.Encode(RlpItem.List(RlpItem.List(), RlpItem.String([1, 2, 3]), RlpItem.String(new byte[60])));
    }

    /// <summary>Half pure noise (biased towards RLP prefixes), half single/multi-byte mutations, truncations and splices of valid seeds.</summary>
    private static IEnumerable<byte[]> Inputs(Random random, IEnumerable<byte[]> seedSource)
    {
        var seeds = seedSource.ToArray();
        for (var i = 0; i < Iterations; i++)
        {
            if (i % 2 == 0)
            {
                var noise = new byte[random.Next(0, 120)];
                random.NextBytes(noise);
                if (noise.Length > 0 && random.Next(3) == 0) noise[0] = (byte)random.Next(0xb8, 0x100);
                yield return noise;
                continue;
            }
            var seed = seeds[random.Next(seeds.Length)];
            var mutated = (byte[])seed.Clone();
            switch (random.Next(4))
            {
                case 0:
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                    break;
                case 1:
                    for (var k = 0; k < 4; k++) mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    mutated = mutated[..random.Next(mutated.Length)];
                    break;
                default:
                    var extra = new byte[random.Next(1, 8)];
                    random.NextBytes(extra);
                    var at = random.Next(mutated.Length);
                    mutated = [.. mutated[..at], .. extra, .. mutated[at..]];
                    break;
            }
            yield return mutated;
        }
    }
}
