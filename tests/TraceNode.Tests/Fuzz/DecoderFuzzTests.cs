using Trace.Crypto;

namespace Trace.Node.Tests.Fuzz;

/// <summary>
/// Random inputs (fixed seeds, so failures reproduce) must only ever raise the decoders' own exceptions:
/// no IndexOutOfRange, overflow, stack overflow or hang. (RLP and transaction decoding are Nethereum's now.)
/// </summary>
public class DecoderFuzzTests
{
    private const int Iterations = 4000;

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
}
