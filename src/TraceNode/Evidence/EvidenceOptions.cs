using System.ComponentModel.DataAnnotations;

namespace Trace.Node.Evidence;

/// <summary>Limits on submitted evidence (section "Trace:Evidence"). The upload size limit is Trace:Blobs:MaxBlobBytes.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Trace:Evidence";

    /// <summary>Largest metadata JSON accepted, in bytes. Default 16 KiB.</summary>
    [Range(0, 1 << 20)]
    public int MaxMetadataBytes { get; set; } = 16 * 1024;

    /// <summary>Largest structured record (JSON), in bytes. Default 4 MiB.</summary>
    [Range(1, 64 << 20)]
    public int MaxRecordJsonBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Longest subject identifier (GS1 Digital Link URI, EPC URN), in characters. Default 512.</summary>
    [Range(1, 4096)]
    public int MaxSubjectIdLength { get; set; } = 512;

    /// <summary>Longest file name, in characters. Default 255.</summary>
    [Range(1, 4096)]
    public int MaxFileNameLength { get; set; } = 255;

    /// <summary>How far in the future a claim's issuedAt may lie (clock skew). Default 5 minutes.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an issuer's on-chain standing is cached. Default 5 s.</summary>
    public TimeSpan IssuerCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
