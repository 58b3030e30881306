using System.Text.Json;
using Trace.Client.Canonical;
using Trace.Domain;

namespace Trace.Node.Participants;

/// <summary>
/// An organisation's identity document ("trace.identity/v1"): legal name, country, LEI and/or GLN, contact. Stored as
/// canonical JSON (RFC 8785) content; the SHA-256 of those bytes is the metadataHash registered on chain.
/// </summary>
public sealed record IdentityDocument(string LegalName, string Country, string? Lei, string? Gln, string? ContactName, string? ContactEmail)
{
    /// <summary>The document's type member.</summary>
    public const string Type = "trace.identity/v1";

    /// <summary>Longest legal or contact name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>
    /// Checks and normalises the fields (trimmed; country and LEI upper case; empty optional fields null), each error
    /// naming <paramref name="field"/>.&lt;member&gt; as the proto does (identity.legal_name, identity.lei, ...).
    /// </summary>
    /// <exception cref="InvalidFieldException">a field is malformed.</exception>
    public static IdentityDocument Create(string? legalName, string? country, string? lei, string? gln, string? contactName, string? contactEmail,
        string field = "identity")
    {
        var name = (legalName ?? "").Trim();
        if (name.Length == 0) throw new InvalidFieldException($"{field}.legal_name", "the legal name is missing");
        if (name.Length > MaxNameLength) throw new InvalidFieldException($"{field}.legal_name", $"longer than {MaxNameLength} characters");
        if (name.Any(char.IsControl)) throw new InvalidFieldException($"{field}.legal_name", "contains control characters");

        var countryCode = (country ?? "").Trim().ToUpperInvariant();
        if (!CountryCodes.IsAssigned(countryCode))
            throw new InvalidFieldException($"{field}.country", $"'{Shorten(country)}' is not an ISO 3166-1 alpha-2 country code (e.g. DE, FR, US)");

        var leiValue = Optional(lei)?.ToUpperInvariant();
        var glnValue = Optional(gln);
        if (leiValue is null && glnValue is null)
            throw new InvalidFieldException(field, "an LEI (identity.lei) or a GLN (identity.gln) is required: it gives the participant id");
        if (leiValue is not null) ParticipantId.FromLei(leiValue, $"{field}.lei");
        if (glnValue is not null) ParticipantId.FromGln(glnValue, $"{field}.gln");

        var contact = Optional(contactName);
        if (contact is { Length: > MaxNameLength }) throw new InvalidFieldException($"{field}.contact_name", $"longer than {MaxNameLength} characters");
        if (contact is not null && contact.Any(char.IsControl)) throw new InvalidFieldException($"{field}.contact_name", "contains control characters");
        var email = Optional(contactEmail);
        if (email is not null && !IsEmail(email)) throw new InvalidFieldException($"{field}.contact_email", $"'{Shorten(email)}' is not an e-mail address");

        return new IdentityDocument(name, countryCode, leiValue, glnValue, contact, email);
    }

    /// <summary>The id this document gives: from the LEI when there is one, else from the GLN.</summary>
    public ParticipantId DeriveParticipantId(string field = "identity") =>
        Lei is not null ? Participants.ParticipantId.FromLei(Lei, $"{field}.lei") : Participants.ParticipantId.FromGln(Gln!, $"{field}.gln");

    /// <summary>The canonical JSON bytes (RFC 8785): the stored content, whose SHA-256 is registered on chain.</summary>
    public byte[] ToCanonicalJson()
    {
        var members = new Dictionary<string, object>
        {
            ["type"] = Type,
            ["legalName"] = LegalName,
            ["country"] = Country,
        };
        if (Lei is not null) members["lei"] = Lei;
        if (Gln is not null) members["gln"] = Gln;
        if (ContactName is not null || ContactEmail is not null)
        {
            var contact = new Dictionary<string, string>();
            if (ContactName is not null) contact["name"] = ContactName;
            if (ContactEmail is not null) contact["email"] = ContactEmail;
            members["contact"] = contact;
        }
        return JsonCanonicalizer.Canonicalize(JsonSerializer.Serialize(members));
    }

    /// <summary>Reads stored content back; null when it is not a valid "trace.identity/v1" document.</summary>
    public static IdentityDocument? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != Type) return null;
            string? contactName = null, contactEmail = null;
            if (root.TryGetProperty("contact", out var contact) && contact.ValueKind == JsonValueKind.Object)
            {
                contactName = Text(contact, "name");
                contactEmail = Text(contact, "email");
            }
            return Create(Text(root, "legalName"), Text(root, "country"), Text(root, "lei"), Text(root, "gln"), contactName, contactEmail);
        }
        catch (JsonException) { return null; }
        catch (InvalidFieldException) { return null; }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Deliberately simple: one '@', a non-empty local part, a dotted domain, no spaces; deliverability is not checked.
    private static bool IsEmail(string value)
    {
        if (value.Length > 254 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return false;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@')) return false;
        var domain = value[(at + 1)..];
        return domain.Length >= 3 && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..57] + "...";
}
