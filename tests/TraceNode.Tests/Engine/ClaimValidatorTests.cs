using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Domain;
using Trace.Node.Evidence;

namespace Trace.Node.Tests.Engine;

/// <summary>Every refusal <see cref="ClaimValidator"/> makes, each naming the field (or the issuer) it is about, on a real chain.</summary>
[Collection(EngineCollection.Name)]
public sealed class ClaimValidatorTests(EngineFixture engine)
{
    private const string Subject = "urn:epc:id:sgtin:4012345.011111.1";
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("EPD for lot 1");

    private EthereumKey Supplier => engine.Supplier;

    private ClaimValidator Validator => engine.Services.GetRequiredService<ClaimValidator>();

    [Fact]
    public async Task A_well_formed_claim_signed_by_an_authorised_issuer_is_accepted_with_its_digest()
    {
        var submitted = engine.Sign(Supplier, Content, Subject);

        var validated = await Validator.ValidateAsync(submitted, CancellationToken.None);

        var expected = EvidenceClaimHasher.Digest(engine.Domain, validated.Claim);
        Assert.Equal(expected, validated.Digest);
        Assert.Equal(Supplier.Address, validated.Claim.Issuer);
        Assert.Equal(Subject, validated.SubjectId);
    }

    public static TheoryData<string, string> MalformedFields => new()
    {
        { "content_hash 31 bytes", "signed_claim.claim.content_hash" },
        { "subject 33 bytes", "signed_claim.claim.subject" },
        { "nonce empty", "signed_claim.claim.nonce" },
        { "kind 0", "signed_claim.claim.kind" },
        { "kind 9", "signed_claim.claim.kind" },
        { "issuer not hex", "signed_claim.claim.issuer" },
        { "issuer bad checksum", "signed_claim.claim.issuer" },
        { "issued_at 0", "signed_claim.claim.issued_at" },
        { "issued_at in an hour", "signed_claim.claim.issued_at" },
        { "subject_id blank", "subject_id" },
        { "subject_id too long", "subject_id" },
        { "subject not keccak256 of subject_id", "signed_claim.claim.subject" },
        { "signature 64 bytes", "signed_claim.signature" },
        { "signature s = 0", "signed_claim.signature" },
    };

    [Theory]
    [MemberData(nameof(MalformedFields))]
    public async Task A_malformed_field_is_refused_naming_it(string change, string field)
    {
        var claim = Malform(engine.Sign(Supplier, Content, Subject), change);

        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => Validator.ValidateAsync(claim, CancellationToken.None));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + ": ", error.Message);
    }

    [Fact]
    public async Task A_signature_by_another_key_is_refused_naming_the_issuer_and_the_signer()
    {
        using var intruder = EthereumKey.Generate();
        var claim = engine.Sign(Supplier, Content, Subject);
        var digest = EvidenceClaimHasher.Digest(engine.Domain, new EvidenceClaimData(claim.ContentHash, (byte)claim.Kind, claim.Subject, Supplier.Address, claim.IssuedAt, claim.Nonce));
        var forged = claim with { Signature = intruder.Sign(digest).ToBytes65() };

        var error = await Assert.ThrowsAsync<IssuerNotPermittedException>(() => Validator.ValidateAsync(forged, CancellationToken.None));

        Assert.Equal(Supplier.Address, error.Issuer);
        Assert.Contains($"recovers {intruder.Address}", error.Message);
    }

    [Fact]
    public async Task A_claim_signed_for_another_registry_is_refused_as_not_signed_by_the_issuer()
    {
        var claim = engine.Sign(Supplier, Content, Subject);
        var data = new EvidenceClaimData(claim.ContentHash, (byte)claim.Kind, claim.Subject, Supplier.Address, claim.IssuedAt, claim.Nonce);
        var otherDomain = EvidenceClaimHasher.Domain(engine.Contracts.Deployment.ChainId, EthereumAddress.FromBytes(new byte[20]));
        var elsewhere = claim with { Signature = Supplier.Sign(EvidenceClaimHasher.Digest(otherDomain, data)).ToBytes65() };

        var error = await Assert.ThrowsAsync<IssuerNotPermittedException>(() => Validator.ValidateAsync(elsewhere, CancellationToken.None));

        Assert.Equal(Supplier.Address, error.Issuer);
        Assert.Contains($"verifyingContract {engine.Contracts.Deployment.EvidenceRegistry}", error.Message); // the domain it expects
    }

    [Fact]
    public async Task An_unregistered_key_is_refused_as_unknown_issuer()
    {
        using var stranger = EthereumKey.Generate();

        var error = await Assert.ThrowsAsync<IssuerNotPermittedException>(() => Validator.ValidateAsync(engine.Sign(stranger, Content, Subject), CancellationToken.None));

        Assert.Equal(stranger.Address, error.Issuer);
        Assert.Contains("unknown issuer", error.Message);
    }

    [Fact]
    public async Task A_participant_without_an_issuing_role_is_refused()
    {
        var regulator = await engine.RegisterIssuerAsync("validator-regulator", ParticipantRoles.Regulator);

        var error = await Assert.ThrowsAsync<IssuerNotPermittedException>(() => Validator.ValidateAsync(engine.Sign(regulator, Content, Subject), CancellationToken.None));

        Assert.Contains("no role that may issue evidence", error.Message);
    }

    [Fact]
    public async Task A_suspended_participant_and_a_retired_key_are_refused()
    {
        var suspended = await engine.RegisterIssuerAsync("validator-suspended", ParticipantRoles.Carrier);
        await engine.Participants.SuspendParticipantAsync(EngineFixture.ParticipantId("validator-suspended"), 1);
        var retired = await engine.RegisterIssuerAsync("validator-retired", ParticipantRoles.Verifier);
        await engine.Participants.RetireKeyAsync(retired.Address, KeyRetirementReason.Retired);

        var suspendedError = await Assert.ThrowsAsync<IssuerNotPermittedException>(() => Validator.ValidateAsync(engine.Sign(suspended, Content, Subject), CancellationToken.None));
        var retiredError = await Assert.ThrowsAsync<IssuerNotPermittedException>(() => Validator.ValidateAsync(engine.Sign(retired, Content, Subject), CancellationToken.None));

        Assert.Contains("suspended", suspendedError.Message);
        Assert.Contains("retired", retiredError.Message);
    }

    private static SubmittedClaim Malform(SubmittedClaim claim, string change) => change switch
    {
        "content_hash 31 bytes" => claim with { ContentHash = claim.ContentHash[..31] },
        "subject 33 bytes" => claim with { Subject = [.. claim.Subject, 0] },
        "nonce empty" => claim with { Nonce = [] },
        "kind 0" => claim with { Kind = 0 },
        "kind 9" => claim with { Kind = 9 },
        "issuer not hex" => claim with { Issuer = "0x" + new string('g', 40) },
        "issuer bad checksum" => claim with { Issuer = FlipCase(claim.Issuer) },
        "issued_at 0" => claim with { IssuedAt = 0 },
        "issued_at in an hour" => claim with { IssuedAt = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() },
        "subject_id blank" => claim with { SubjectId = "  " },
        "subject_id too long" => claim with { SubjectId = new string('s', 513), Subject = Keccak256.HashUtf8(new string('s', 513)) },
        "subject not keccak256 of subject_id" => claim with { SubjectId = Subject + "2" },
        "signature 64 bytes" => claim with { Signature = claim.Signature[..64] },
        "signature s = 0" => claim with { Signature = [.. claim.Signature[..32], .. new byte[32], claim.Signature[64]] },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    // An EIP-55 address with the case of its first letter flipped no longer matches its checksum.
    private static string FlipCase(string address)
    {
        var i = address.IndexOfAny("abcdefABCDEF".ToCharArray(), 2);
        var c = address[i];
        return address[..i] + (char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)) + address[(i + 1)..];
    }
}
