using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Trace.Crypto;
using Trace.Domain;
using Trace.Domain.Identifiers;
using Trace.Domain.Lineage;

namespace Trace.Node.Lineage.Records;

/// <summary>
/// Reads the members of one schema-valid record into domain values, checking what a schema cannot (check digits,
/// significant digits, identifier syntax, EIP-55) and refusing with the field's path and the record kind.
/// </summary>
internal sealed class RecordReadContext(RecordKind kind)
{
    /// <summary>Most significant digits a C# decimal holds exactly.</summary>
    public const int MaxSignificantDigits = 28;

    public RecordKind Kind { get; } = kind;

    [DoesNotReturn]
    public void Fail(string field, string message) =>
        throw new InvalidFieldException(field, $"{LineageRecordKinds.Label(Kind)}: {message}");

    public static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool TryMember(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>A decimal string (schema-checked form) as a decimal, refused beyond 28 significant digits.</summary>
    public decimal Decimal(JsonElement value, string field)
    {
        var text = value.GetString()!;
        var negative = text.StartsWith('-');
        var digits = (negative ? text[1..] : text).Replace(".", "", StringComparison.Ordinal).TrimStart('0');
        var fraction = text.IndexOf('.') is var dot and >= 0 ? text.Length - dot - 1 : 0;
        if (digits.Length > MaxSignificantDigits || fraction > MaxSignificantDigits)
            Fail(field, $"\"{text}\" has more than {MaxSignificantDigits} significant digits");
        return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    public decimal? OptionalDecimal(JsonElement parent, string name, string parentField) =>
        TryMember(parent, name, out var value) ? Decimal(value, RecordFieldPath.Member(parentField, name)) : null;

    public decimal Positive(JsonElement value, string field)
    {
        var amount = Decimal(value, field);
        if (amount <= 0) Fail(field, $"must be greater than 0, got {value.GetString()}");
        return amount;
    }

    public Quantity Quantity(JsonElement value, string field)
    {
        var amount = Positive(value.GetProperty("amount"), RecordFieldPath.Member(field, "amount"));
        var code = value.GetProperty("unit").GetString();
        if (!MeasureUnit.TryParse(code, out var unit)) Fail(RecordFieldPath.Member(field, "unit"), $"unknown unit \"{code}\"");
        return new Quantity(amount, unit);
    }

    public EmissionFigure Figure(JsonElement value, string field)
    {
        var kg = Decimal(value.GetProperty("kgCO2e"), RecordFieldPath.Member(field, "kgCO2e"));
        return new EmissionFigure(kg, Method(value.GetProperty("method")), RecordIdList(value, "evidence", field));
    }

    public static EmissionMethod Method(JsonElement value) => value.GetString() switch
    {
        "measured" => EmissionMethod.Measured,
        "calculated" => EmissionMethod.Calculated,
        _ => EmissionMethod.DefaultFactor,
    };

    public ScopeEmissions Emissions(JsonElement parent, string parentField)
    {
        if (!TryMember(parent, "emissions", out var emissions)) return ScopeEmissions.None;
        var field = RecordFieldPath.Member(parentField, "emissions");
        return new ScopeEmissions(
            TryMember(emissions, "scope1", out var s1) ? Figure(s1, RecordFieldPath.Member(field, "scope1")) : null,
            TryMember(emissions, "scope2", out var s2) ? Figure(s2, RecordFieldPath.Member(field, "scope2")) : null);
    }

    public Period? Period(JsonElement parent, string name, string parentField)
    {
        if (!TryMember(parent, name, out var period)) return null;
        var field = RecordFieldPath.Member(parentField, name);
        var start = Timestamp(period.GetProperty("start"), RecordFieldPath.Member(field, "start"));
        var end = Timestamp(period.GetProperty("end"), RecordFieldPath.Member(field, "end"));
        if (end < start) Fail(RecordFieldPath.Member(field, "end"), $"{period.GetProperty("end").GetString()} is before start {period.GetProperty("start").GetString()}");
        return new Period(start, end);
    }

    public DateTimeOffset Timestamp(JsonElement value, string field)
    {
        var text = value.GetString();
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            Fail(field, $"\"{text}\" is not an RFC 3339 date-time");
        return at;
    }

    public Facility? Facility(JsonElement parent, string parentField)
    {
        if (!TryMember(parent, "facility", out var facility)) return null;
        var gln = OptionalString(facility, "gln");
        if (gln is not null && !Gs1CheckDigit.IsValid(gln))
            Fail(RecordFieldPath.Member(RecordFieldPath.Member(parentField, "facility"), "gln"),
                $"GLN {gln} has check digit {gln[^1]}, expected {Gs1CheckDigit.Compute(gln.AsSpan(0, gln.Length - 1))}");
        return new Facility(gln, OptionalString(facility, "installationId"));
    }

    /// <summary>A batch identifier (GS1 Digital Link with 01 + 10, EPC lgtin/sgtin, other URN).</summary>
    public BatchIdentifier BatchId(JsonElement value, string field)
    {
        var text = value.GetString();
        if (!BatchIdentifier.TryParse(text, out var id, out var error)) Fail(field, error);
        return id;
    }

    /// <summary>A transformation or shipment identifier: an RFC 8141 URN or a valid GS1 Digital Link URI.</summary>
    public string LineageId(JsonElement value, string field)
    {
        var text = value.GetString()!;
        if (text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            if (!BatchIdentifier.TryParse(text, out _, out var error)) Fail(field, error);
        }
        else if (!Gs1DigitalLink.TryParse(text, out _, out var error)) Fail(field, $"not a valid GS1 Digital Link URI: {error}");
        return text;
    }

    public string? OptionalLineageId(JsonElement parent, string name, string parentField) =>
        TryMember(parent, name, out var value) ? LineageId(value, RecordFieldPath.Member(parentField, name)) : null;

    /// <summary>Record ids in an array member, normalised to lower case ("0x" + 64 hex).</summary>
    public IReadOnlyList<string> RecordIdList(JsonElement parent, string name, string parentField)
    {
        if (!TryMember(parent, name, out var array)) return [];
        var field = RecordFieldPath.Member(parentField, name);
        return [.. array.EnumerateArray().Select((item, i) => RecordIds.Normalise(item.GetString(), RecordFieldPath.Index(field, i)))];
    }

    public string? OptionalRecordId(JsonElement parent, string name, string parentField) =>
        TryMember(parent, name, out var value) ? RecordIds.Normalise(value.GetString(), RecordFieldPath.Member(parentField, name)) : null;

    /// <summary>A participant address; mixed case must carry a valid EIP-55 checksum. Returned in EIP-55 form.</summary>
    public string Participant(JsonElement value, string field)
    {
        var text = value.GetString()!;
        try
        {
            return EthereumAddress.Parse(text).ToString();
        }
        catch (InvalidAddressException ex)
        {
            Fail(field, ex.Message);
            return text; // not reached: Fail throws
        }
    }
}
