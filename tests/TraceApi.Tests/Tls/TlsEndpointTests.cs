using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Tls;

/// <summary>TLS endpoints with a configured certificate, and no cleartext on a public address unless asked for.</summary>
public sealed class TlsEndpointTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "trace-tls-" + Guid.NewGuid().ToString("N")[..8]);

    public TlsEndpointTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    // A self-signed server certificate for 127.0.0.1, written as PEM certificate + PEM key like an operator's files.
    private (string CertificatePath, string KeyPath, X509Certificate2 Certificate) WritePemCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=trace-test-node", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(_directory, "node.crt");
        var keyPath = Path.Combine(_directory, "node.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, X509CertificateLoader.LoadCertificate(certificate.RawData));
    }

    [Fact]
    public async Task A_grpc_call_over_tls_reaches_the_node_presenting_the_configured_certificate()
    {
        var (certificatePath, keyPath, expected) = WritePemCertificate();
        X509Certificate? presented = null;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                // Trust exactly this self-signed certificate (pinning), as a client given the node's certificate would.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    presented = certificate;
                    return certificate is not null && certificate.GetCertHashString() == expected.GetCertHashString();
                },
            },
        };

        await using var api = await TraceApiProcess.StartAsync(Path.Combine(_directory, "data"), new Dictionary<string, string>
        {
            ["Api:Tls:CertificatePath"] = certificatePath,
            ["Api:Tls:KeyPath"] = keyPath,
        }, tlsHandler: handler);

        Assert.Equal("https", api.GrpcAddress.Scheme);
        var info = await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        Assert.True(info.ChainId > 0);
        Assert.Equal(expected.GetCertHashString(), presented?.GetCertHashString());

        // A cleartext HTTP/2 client gets no gRPC answer from the TLS port.
        using var plain = Grpc.Net.Client.GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{api.GrpcAddress.Port}"));
        await Assert.ThrowsAsync<RpcException>(() => new NodeService.NodeServiceClient(plain).GetNodeInfoAsync(new GetNodeInfoRequest(), deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);
    }

    [Fact]
    public async Task Cleartext_on_a_public_address_is_refused_at_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TraceApiProcess.StartAsync(Path.Combine(_directory, "data"), new Dictionary<string, string>
        {
            ["Api:HttpUrl"] = "http://0.0.0.0:0",
        }, timeout: TimeSpan.FromSeconds(60)));

        Assert.Contains("Api:HttpUrl", error.Message);
        Assert.Contains("Api:AllowPlaintextOnPublicAddress", error.Message);
    }

    [Fact]
    public async Task An_https_url_without_a_certificate_is_refused_at_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TraceApiProcess.StartAsync(Path.Combine(_directory, "data"),
            new Dictionary<string, string>(), timeout: TimeSpan.FromSeconds(60), tlsHandler: new SocketsHttpHandler()));

        Assert.Contains("Api:Tls:CertificatePath", error.Message);
    }
}
