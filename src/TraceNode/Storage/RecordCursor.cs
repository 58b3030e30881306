using System.Buffers.Binary;
using Trace.Crypto;

namespace Trace.Node.Storage;

/// <summary>The paging position (AcceptedAt, Id) of the last record on a page, as an opaque base64url token.</summary>
internal readonly record struct RecordCursor(DateTimeOffset AcceptedAt, string Id)
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 32;

    public string Encode()
    {
        Span<byte> buffer = stackalloc byte[Length];
        buffer[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(buffer[1..], UnixMicrosecondsConverter.ToMicroseconds(AcceptedAt));
        Hex.Decode(Id, buffer[9..]);
        return Convert.ToBase64String(buffer).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static RecordCursor Decode(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        Span<byte> buffer = stackalloc byte[Length + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written) || written != Length || buffer[0] != Version)
            throw new InvalidCursorException(token);
        var at = UnixMicrosecondsConverter.FromMicroseconds(BinaryPrimitives.ReadInt64BigEndian(buffer[1..]));
        return new RecordCursor(at, Hex.Encode(buffer.Slice(9, 32)));
    }
}
