using Trace.Crypto;
using Trace.Node.Access;

namespace Trace.Node.Tests.Access;

/// <summary>The hand-written EIP-4361 format: written as the spec's template, read back strictly.</summary>
public sealed class SiweMessageTests
{
    private static readonly EthereumAddress Address = EthereumAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    [Fact]
    public void A_message_is_written_as_the_EIP_4361_template_and_reads_back_equal()
    {
        var message = new SiweMessage("trace.local", Address, "Sign in to Trace.", "https://trace.local/", "1", 31337, "3f1c0c4be0a84d7f",
            new DateTimeOffset(2026, 12, 2, 18, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 2, 18, 35, 0, TimeSpan.Zero));

        var text = message.ToString();

        Assert.Equal("trace.local wants you to sign in with your Ethereum account:\n0x70997970C51812dc3A010C7d01b50e0d17dc79C8\n\nSign in to Trace.\n\n"
            + "URI: https://trace.local/\nVersion: 1\nChain ID: 31337\nNonce: 3f1c0c4be0a84d7f\nIssued At: 2026-12-02T18:30:00.000Z\nExpiration Time: 2026-12-02T18:35:00.000Z", text);
        Assert.Equal(text, SiweMessage.Parse(text).ToString());
    }

    [Fact]
    public void A_message_without_statement_and_with_the_optional_fields_of_other_libraries_reads()
    {
        var text = "example.com wants you to sign in with your Ethereum account:\n0x70997970C51812dc3A010C7d01b50e0d17dc79C8\n\n\n"
            + "URI: https://example.com/login\nVersion: 1\nChain ID: 1\nNonce: abcdefgh12\nIssued At: 2026-01-01T00:00:00Z\n"
            + "Not Before: 2026-01-01T00:00:00Z\nRequest ID: 42\nResources:\n- ipfs://a\n- https://b.example/c";

        var message = SiweMessage.Parse(text);

        Assert.Null(message.Statement);
        Assert.Equal(1ul, message.ChainId);
        Assert.Equal("42", message.RequestId);
        Assert.Equal(["ipfs://a", "https://b.example/c"], message.Resources!);
        Assert.Null(message.ExpirationTime);
    }

    [Theory]
    [InlineData("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "line 2: the address is not in its EIP-55 checksum form")]
    [InlineData("0x1234", "line 2: not an Ethereum address")]
    public void A_message_whose_address_is_not_EIP_55_is_refused_naming_the_line(string address, string expected)
    {
        var text = $"trace.local wants you to sign in with your Ethereum account:\n{address}\n\n\nURI: https://trace.local/\nVersion: 1\nChain ID: 1\nNonce: abcdefgh12\nIssued At: 2026-01-01T00:00:00Z";

        var error = Assert.Throws<SiweFormatException>(() => SiweMessage.Parse(text));

        Assert.StartsWith(expected, error.Message);
    }

    [Theory]
    [InlineData("\r\n", "lines end with LF only")]
    [InlineData("\nChain ID: 01", "Chain ID is not a decimal number")]
    [InlineData("\nNonce: short", "Nonce is not 8 or more letters and digits")]
    [InlineData("\nIssued At: yesterday", "Issued At is not an RFC 3339 date-time")]
    [InlineData("\nTrailing: text", "unexpected text after the last field")]
    public void A_malformed_message_is_refused_saying_what_is_wrong(string edit, string expected)
    {
        var good = new SiweMessage("trace.local", Address, null, "https://trace.local/", "1", 1, "abcdefgh12", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToString();
        var text = edit switch
        {
            "\r\n" => good.Replace("\n", "\r\n", StringComparison.Ordinal),
            "\nChain ID: 01" => good.Replace("Chain ID: 1", "Chain ID: 01", StringComparison.Ordinal),
            "\nNonce: short" => good.Replace("Nonce: abcdefgh12", "Nonce: short", StringComparison.Ordinal),
            "\nIssued At: yesterday" => good.Replace("Issued At: 2026-01-01T00:00:00.000Z", "Issued At: yesterday", StringComparison.Ordinal),
            _ => good + edit,
        };

        var error = Assert.Throws<SiweFormatException>(() => SiweMessage.Parse(text));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("lei:529900T8BM49AURSDO55")]
    [InlineData("gln:9506000134352")]
    [InlineData("0x5f4c1d3b2e8a9c7f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a2918070")]
    public void A_participant_id_reads_back_in_its_directory_form(string text)
    {
        Assert.Equal(text, ParticipantIdText.Format(ParticipantIdText.Parse(text)));
    }
}
