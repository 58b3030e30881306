using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Trace.Api.Hosting;

/// <summary>
/// Binds Kestrel to the configured URLs: https:// with the <see cref="TlsOptions"/> certificate, http:// (cleartext)
/// only on loopback unless <see cref="ApiOptions.AllowPlaintextOnPublicAddress"/>. Errors name the setting.
/// </summary>
internal sealed class ApiEndpoints(ApiOptions options)
{
    private X509Certificate2? _certificate;

    /// <summary>Listens on <paramref name="url"/> (the value of <paramref name="setting"/>) with <paramref name="protocols"/>.</summary>
    /// <exception cref="InvalidOperationException">a bad URL, cleartext on a public address, or https without a usable certificate.</exception>
    public void Listen(KestrelServerOptions kestrel, string url, string setting, HttpProtocols protocols)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidOperationException($"{setting} '{url}' is not an http:// or https:// URL");
        var tls = uri.Scheme == Uri.UriSchemeHttps;
        var host = uri.Host.Trim('[', ']');
        var anyAddress = host is "*" or "+" or "0.0.0.0" or "::";
        var loopback = host == "localhost" || (!anyAddress && IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        if (!anyAddress && host != "localhost" && !IPAddress.TryParse(host, out _))
            throw new InvalidOperationException($"{setting} '{url}': the host must be an IP address, localhost or * (all addresses)");
        if (!tls && !loopback && !options.AllowPlaintextOnPublicAddress)
            throw new InvalidOperationException(
                $"{setting} '{url}' would serve cleartext on a non-loopback address; use https:// with Api:Tls:CertificatePath (docs/tls.md), " +
                "or set Api:AllowPlaintextOnPublicAddress=true behind a TLS-terminating proxy");
        var certificate = tls ? Certificate(setting) : null;
        void Configure(ListenOptions listen)
        {
            listen.Protocols = protocols;
            if (certificate is not null) listen.UseHttps(certificate);
        }
        if (host == "localhost") kestrel.ListenLocalhost(uri.Port, Configure);
        else if (anyAddress) kestrel.ListenAnyIP(uri.Port, Configure);
        else kestrel.Listen(IPAddress.Parse(host), uri.Port, Configure);
    }

    private X509Certificate2 Certificate(string setting) => _certificate ??= Load(options.Tls, setting);

    /// <summary>Loads the configured certificate with its private key.</summary>
    internal static X509Certificate2 Load(TlsOptions tls, string setting)
    {
        if (string.IsNullOrWhiteSpace(tls.CertificatePath))
            throw new InvalidOperationException($"{setting} is https:// but Api:Tls:CertificatePath is not set (docs/tls.md)");
        if (!File.Exists(tls.CertificatePath)) throw new InvalidOperationException($"Api:Tls:CertificatePath '{tls.CertificatePath}' does not exist");
        if (!string.IsNullOrWhiteSpace(tls.KeyPath) && !File.Exists(tls.KeyPath)) throw new InvalidOperationException($"Api:Tls:KeyPath '{tls.KeyPath}' does not exist");
        X509Certificate2 certificate;
        try
        {
            var extension = Path.GetExtension(tls.CertificatePath).ToLowerInvariant();
            var keyPath = string.IsNullOrWhiteSpace(tls.KeyPath) ? null : tls.KeyPath;
            certificate = extension is ".pfx" or ".p12"
                ? X509CertificateLoader.LoadPkcs12FromFile(tls.CertificatePath, tls.Password)
                : string.IsNullOrEmpty(tls.Password)
                    ? X509Certificate2.CreateFromPemFile(tls.CertificatePath, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(tls.CertificatePath, tls.Password, keyPath);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            // The exception text may describe the file, never the password; still, say only which setting is wrong.
            throw new InvalidOperationException($"Api:Tls:CertificatePath/KeyPath: the certificate or its key cannot be loaded (wrong file, format or Api:Tls:Password): {e.GetType().Name}");
        }
        if (!certificate.HasPrivateKey) throw new InvalidOperationException("Api:Tls:CertificatePath: the certificate has no private key (set Api:Tls:KeyPath)");
        return certificate;
    }
}
