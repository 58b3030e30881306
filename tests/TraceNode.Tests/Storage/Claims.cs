using System.Security.Cryptography;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

/// <summary>Builds accepted claims with random digests, nonces and signatures (the store checks shapes, not signatures).</summary>
public static class Claims
{
    public static EthereumAddress RandomIssuer() => EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(20));

    public static AcceptedClaim Random(
        EthereumAddress? issuer = null, byte[]? contentHash = null, string subject = "urn:epc:class:lgtin:4012345.012345.LOT1",
        RecordKind kind = RecordKind.EnvironmentalImpactReport) => new()
    {
        Digest = RandomNumberGenerator.GetBytes(32),
        ContentHash = contentHash ?? RandomNumberGenerator.GetBytes(32),
        Kind = kind,
        SubjectHash = Keccak256.HashUtf8(subject),
        Subject = subject,
        Issuer = (issuer ?? RandomIssuer()).ToString(),
        IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1_732_233_600),
        Nonce = RandomNumberGenerator.GetBytes(32),
        Signature = RandomNumberGenerator.GetBytes(65),
        MediaType = "application/pdf",
        FileName = "report.pdf",
        ContentLength = 1234,
        MetadataJson = """{"site":"Lyon"}""",
    };

    /// <summary>A stand-in tree builder: root = keccak of the digests, leaf i at index i with a one-node proof.</summary>
    public static BatchTree FakeTree(IReadOnlyList<byte[]> digests)
    {
        var root = Keccak256.Hash(digests.SelectMany(d => d).ToArray());
        return new BatchTree(root, digests.Select((d, i) => new BatchLeaf(i, [Keccak256.Hash(d)])).ToList());
    }
}
