using Trace.Domain;
using Trace.Node.Participants;

namespace Trace.Node.Tests.Participants;

/// <summary>Participant ids from LEIs (ISO 17442 check digits) and GLNs (GS1 check digit), readable on chain and reversible.</summary>
public sealed class ParticipantIdTests
{
    // Published LEIs of GLEIF itself and of Apple Inc. (GLEIF LEI search).
    [Theory]
    [InlineData("506700GE1G29325QX363")]
    [InlineData("HWUPKR0MPOU8FGXBT394")]
    public void A_published_LEI_passes_the_ISO_17442_check(string lei) => Assert.Null(LeiCode.Check(lei));

    [Theory]
    [InlineData("506700GE1G29325QX364", "check digits")]
    [InlineData("HWUPKR0MPOU8FGXBT39", "20 characters")]
    [InlineData("HWUPKR0MPOU8FGXBT3A4", "check digits")]
    [InlineData("hwupkr0mpou8fgxbt394", "is not A-Z or 0-9")]
    public void A_malformed_or_mistyped_LEI_is_refused_saying_why(string lei, string reason) => Assert.Contains(reason, LeiCode.Check(lei));

    [Fact]
    public void Check_digits_computed_for_a_prefix_make_a_valid_LEI() =>
        Assert.Equal("HWUPKR0MPOU8FGXBT394", "HWUPKR0MPOU8FGXBT3" + LeiCode.CheckDigits("HWUPKR0MPOU8FGXBT3"));

    [Fact]
    public void An_LEI_id_is_the_ascii_text_padded_with_zero_bytes_and_reads_back_the_same()
    {
        var id = ParticipantId.FromLei("hwupkr0mpou8fgxbt394", "lei");
        var bytes = id.ToBytes();

        Assert.Equal(32, bytes.Length);
        Assert.Equal("lei:HWUPKR0MPOU8FGXBT394"u8.ToArray(), bytes[..24]);
        Assert.All(bytes[24..], b => Assert.Equal(0, b));
        Assert.Equal("lei:HWUPKR0MPOU8FGXBT394", id.ToString());
        Assert.Equal(id, ParticipantId.FromBytes(bytes));
        Assert.Equal(id, ParticipantId.Parse("LEI:HWUPKR0MPOU8FGXBT394", "participant_id"));
        Assert.Equal(id, ParticipantId.Parse(Trace.Crypto.Hex.Encode(bytes), "participant_id"));
    }

    [Fact]
    public void A_GLN_id_checks_the_GS1_check_digit()
    {
        Assert.Equal("gln:4012345000009", ParticipantId.FromGln("4012345000009", "gln").ToString());
        var error = Assert.Throws<InvalidFieldException>(() => ParticipantId.FromGln("4012345000001", "identity.gln"));
        Assert.Equal("identity.gln", error.Field);
        Assert.Contains("expected 9", error.Message);
    }

    [Fact]
    public void An_id_registered_outside_Trace_reads_as_hex()
    {
        var bytes = Trace.Crypto.Keccak256.HashUtf8("trace-operator");
        Assert.Equal(Trace.Crypto.Hex.Encode(bytes), ParticipantId.FromBytes(bytes).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("lei:HWUPKR0MPOU8FGXBT395")]
    [InlineData("gln:123")]
    [InlineData("0x1234")]
    [InlineData("duns:123456789")]
    public void A_malformed_id_is_refused_naming_the_field(string text) =>
        Assert.Equal("participant_id", Assert.Throws<InvalidFieldException>(() => ParticipantId.Parse(text, "participant_id")).Field);

    [Fact]
    public void The_identity_document_is_canonical_json_that_reads_back_equal()
    {
        var document = IdentityDocument.Create(" Acme Steel GmbH ", "de", "hwupkr0mpou8fgxbt394", null, "Desk", "desk@example.com");
        var json = document.ToCanonicalJson();

        Assert.Equal("{\"contact\":{\"email\":\"desk@example.com\",\"name\":\"Desk\"},\"country\":\"DE\",\"legalName\":\"Acme Steel GmbH\",\"lei\":\"HWUPKR0MPOU8FGXBT394\",\"type\":\"trace.identity/v1\"}",
            System.Text.Encoding.UTF8.GetString(json));
        Assert.Equal(document, IdentityDocument.TryParse(json));
        Assert.Equal("lei:HWUPKR0MPOU8FGXBT394", document.DeriveParticipantId().ToString());
    }
}
