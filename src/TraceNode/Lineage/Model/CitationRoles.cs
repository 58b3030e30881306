namespace Trace.Node.Lineage.Model;

/// <summary>Role names stored with citations: which figure of the citing record the cited record supports.</summary>
public static class CitationRoles
{
    public const string Scope1 = "Scope1";
    public const string Scope2 = "Scope2";
    public const string CustomsCertificate = "CustomsCertificate";
    public const string Declaration = "Declaration";
    public const string FactorSet = "FactorSet";

    /// <summary>Evidence of leg <paramref name="index"/> of a shipment.</summary>
    public static string Leg(int index) => $"Leg:{index}";
}
