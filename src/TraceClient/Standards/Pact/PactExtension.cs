namespace Trace.Client.Standards.Pact;

/// <summary>The Trace lineage data model extension carried in an exported ProductFootprint (docs/pact.md, "Extension").</summary>
public static class PactExtension
{
    /// <summary>Data model extension spec version written.</summary>
    public const string SpecVersion = "2.0.0";

    /// <summary>The extension's JSON Schema (docs/schemas/pact/trace-lineage-extension.schema.json).</summary>
    public const string DataSchema = "https://trace.example/schemas/pact/trace-lineage-extension.schema.json";

    /// <summary>Where the extension is documented.</summary>
    public const string Documentation = "https://trace.example/docs/pact.md";

    /// <summary>The RPC that returns a cited record's proof bundle (by record id).</summary>
    public const string ProofBundleRpc = "trace.v1.EvidenceService/GetProofBundle";
}
