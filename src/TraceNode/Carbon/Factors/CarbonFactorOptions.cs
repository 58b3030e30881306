using System.ComponentModel.DataAnnotations;

namespace Trace.Node.Carbon.Factors;

/// <summary>Transport emission factors and the key that anchors them (section "Trace:Carbon").</summary>
public sealed class CarbonFactorOptions
{
    public const string Section = "Trace:Carbon";

    /// <summary>
    /// The operator's own transport factor set (JSON, docs/schemas/transport-factor-set.schema.json); empty (default)
    /// uses the set shipped with Trace. Validated at start-up: a malformed file stops the node, naming the file and row.
    /// </summary>
    public string? TransportFactorsPath { get; set; }

    /// <summary>
    /// Hex private key that signs the factor-set record. Its key must be registered with an issuing role (supplier,
    /// carrier or verifier). Empty: in embedded mode a key derived from the operator key is registered automatically;
    /// with an external chain the set stays "not anchored". Never logged.
    /// </summary>
    public string? FactorSigningKey { get; set; }

    /// <summary>Keystore v3 file holding the factor signing key, instead of <see cref="FactorSigningKey"/>.</summary>
    public string? FactorSigningKeystore { get; set; }

    /// <summary>Password of <see cref="FactorSigningKeystore"/>. Never logged.</summary>
    public string? FactorSigningKeystorePassword { get; set; }

    /// <summary>Delay before retrying a factor-set submission that failed on a transient fault. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan AnchoringRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
