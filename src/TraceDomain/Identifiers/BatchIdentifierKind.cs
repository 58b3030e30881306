namespace Trace.Domain.Identifiers;

/// <summary>Which scheme a batch identifier uses.</summary>
public enum BatchIdentifierKind
{
    /// <summary>A GS1 Digital Link URI with AI 01 (GTIN) and AI 10 (lot), on any resolver host.</summary>
    DigitalLink = 1,

    /// <summary><c>urn:epc:class:lgtin:</c> (GTIN + lot).</summary>
    EpcLgtin = 2,

    /// <summary><c>urn:epc:id:sgtin:</c> (GTIN + serial).</summary>
    EpcSgtin = 3,

    /// <summary>Any other URN (another identification scheme); carries no GTIN.</summary>
    OtherUrn = 4,
}
