namespace Trace.Api.Hosting;

/// <summary>
/// The certificate of the HTTPS endpoints (section "Api:Tls"): a PEM certificate with its PEM key, or a PKCS#12
/// (.pfx/.p12) file, each optionally password-protected. Used by every <c>https://</c> URL in <see cref="ApiOptions"/>.
/// </summary>
public sealed class TlsOptions
{
    /// <summary>PEM certificate (chain) file, or a .pfx/.p12 file holding certificate and key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key file; empty when the key is in <see cref="CertificatePath"/> (PEM with both, or PKCS#12).</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of the PKCS#12 file or of an encrypted PEM key (PKCS#8); never logged.</summary>
    public string? Password { get; set; }
}
