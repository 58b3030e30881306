using System.Security.Cryptography;
using System.Text;

namespace Trace.Node.Standards.Pact;

/// <summary>
/// The PACT ProductFootprint id of a batch: a name-based UUID (RFC 9562 version 8) made from SHA-256("trace:pact:" +
/// batch id), so the same batch has the same id on every node and across recomputations, and no table is needed.
/// </summary>
public static class PactFootprintIds
{
    /// <summary>The footprint id of <paramref name="batchId"/>.</summary>
    public static Guid For(string batchId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("trace:pact:" + batchId), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
