using System.Globalization;
using System.Text;
using Trace.Crypto;

namespace Trace.Node.Access;

/// <summary>
/// An EIP-4361 ("Sign-In with Ethereum") message: <see cref="ToString"/> writes the exact text a key signs,
/// <see cref="Parse"/> reads it back strictly (the ABNF's field order, one LF between lines, no trailing newline).
/// </summary>
/// <remarks>
/// Written by hand: the format is small and the node only needs the fields it issues. Optional fields the node never
/// writes (Not Before, Request ID, Resources) are still parsed, so a message from another SIWE library reads.
/// </remarks>
public sealed record SiweMessage(
    string Domain,
    EthereumAddress Address,
    string? Statement,
    string Uri,
    string Version,
    ulong ChainId,
    string Nonce,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpirationTime = null,
    DateTimeOffset? NotBefore = null,
    string? RequestId = null,
    IReadOnlyList<string>? Resources = null)
{
    private const string Preamble = " wants you to sign in with your Ethereum account:";

    /// <summary>The message text, lines joined by "\n", no trailing newline.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Domain).Append(Preamble).Append('\n');
        text.Append(Address.ToString()).Append('\n');
        text.Append('\n');
        if (Statement is not null) text.Append(Statement).Append('\n');
        text.Append('\n');
        text.Append("URI: ").Append(Uri).Append('\n');
        text.Append("Version: ").Append(Version).Append('\n');
        text.Append("Chain ID: ").Append(ChainId.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("Nonce: ").Append(Nonce).Append('\n');
        text.Append("Issued At: ").Append(Timestamp(IssuedAt));
        if (ExpirationTime is { } expires) text.Append("\nExpiration Time: ").Append(Timestamp(expires));
        if (NotBefore is { } notBefore) text.Append("\nNot Before: ").Append(Timestamp(notBefore));
        if (RequestId is not null) text.Append("\nRequest ID: ").Append(RequestId);
        if (Resources is { Count: > 0 })
        {
            text.Append("\nResources:");
            foreach (var resource in Resources) text.Append("\n- ").Append(resource);
        }
        return text.ToString();
    }

    /// <summary>Reads an EIP-4361 message.</summary>
    /// <exception cref="SiweFormatException">the text does not follow the format; the message names the line.</exception>
    public static SiweMessage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\r')) throw new SiweFormatException("line 1", "lines end with LF only, no CR");
        var lines = text.Split('\n');
        var at = 0;
        string Next(string expected) => at < lines.Length ? lines[at++] : throw new SiweFormatException($"line {at + 1}", $"missing, expected {expected}");
        string Field(string name)
        {
            var line = Next($"\"{name}: ...\"");
            if (!line.StartsWith(name + ": ", StringComparison.Ordinal)) throw new SiweFormatException($"line {at}", $"expected \"{name}: ...\"");
            return line[(name.Length + 2)..];
        }
        bool Peek(string name) => at < lines.Length && lines[at].StartsWith(name, StringComparison.Ordinal);

        var first = Next("the preamble");
        if (!first.EndsWith(Preamble, StringComparison.Ordinal) || first.Length == Preamble.Length)
            throw new SiweFormatException("line 1", $"expected \"<domain>{Preamble}\"");
        var domain = first[..^Preamble.Length];
        if (domain.Contains(' ')) throw new SiweFormatException("line 1", "the domain has a space");

        var addressLine = Next("the address");
        if (!EthereumAddress.TryParse(addressLine, out var address) || addressLine.Length != 42)
            throw new SiweFormatException("line 2", "not an Ethereum address (0x + 40 hex digits)");
        if (addressLine != address.ToString()) throw new SiweFormatException("line 2", $"the address is not in its EIP-55 checksum form ({address})");
        if (Next("an empty line").Length != 0) throw new SiweFormatException("line 3", "expected an empty line");

        string? statement = null;
        var line4 = Next("a statement or an empty line");
        if (line4.Length != 0)
        {
            statement = line4;
            if (Next("an empty line").Length != 0) throw new SiweFormatException($"line {at}", "expected an empty line after the statement");
        }

        var uri = Field("URI");
        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out _)) throw new SiweFormatException($"line {at}", "URI is not an absolute URI");
        var version = Field("Version");
        var chainText = Field("Chain ID");
        if (!ulong.TryParse(chainText, NumberStyles.None, CultureInfo.InvariantCulture, out var chainId) || (chainText.Length > 1 && chainText[0] == '0'))
            throw new SiweFormatException($"line {at}", "Chain ID is not a decimal number");
        var nonce = Field("Nonce");
        if (nonce.Length < 8 || !nonce.All(char.IsAsciiLetterOrDigit)) throw new SiweFormatException($"line {at}", "Nonce is not 8 or more letters and digits");
        var issuedAt = ReadTimestamp(Field("Issued At"), at, "Issued At");
        DateTimeOffset? expires = Peek("Expiration Time: ") ? ReadTimestamp(Field("Expiration Time"), at, "Expiration Time") : null;
        DateTimeOffset? notBefore = Peek("Not Before: ") ? ReadTimestamp(Field("Not Before"), at, "Not Before") : null;
        string? requestId = Peek("Request ID: ") ? Field("Request ID") : null;
        List<string>? resources = null;
        if (at < lines.Length && lines[at] == "Resources:")
        {
            at++;
            resources = [];
            while (at < lines.Length && lines[at].StartsWith("- ", StringComparison.Ordinal)) resources.Add(lines[at++][2..]);
        }
        if (at < lines.Length) throw new SiweFormatException($"line {at + 1}", "unexpected text after the last field");
        return new SiweMessage(domain, address, statement, uri, version, chainId, nonce, issuedAt, expires, notBefore, requestId, resources);
    }

    /// <summary>RFC 3339 in UTC with milliseconds ("2026-12-02T18:30:00.000Z"), as SIWE libraries write it.</summary>
    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ReadTimestamp(string text, int line, string name) =>
        text.Length >= 20 && text[10] == 'T'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new SiweFormatException($"line {line}", $"{name} is not an RFC 3339 date-time");
}
