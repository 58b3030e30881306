using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Trace.Crypto;

namespace Trace.Bench.Evm;

/// <summary>
/// The backend choice: .NET ECDsa on OpenSSL's secp256k1 against the paths Trace uses (BouncyCastle for signing and
/// verifying, libsecp256k1 through Secp256k1.Net for recovery). .NET can neither sign deterministically (RFC 6979) nor
/// recover a key, so only sign and verify compare.
/// </summary>
[Config(typeof(Config))]
public class Secp256k1BackendBenchmarks
{
    private ECDsa _dotnet = null!;
    private EthereumKey _key = null!;
    private byte[] _digest = [];
    private byte[] _dotnetSignature = [];
    private EcdsaSignature _signature;
    private byte[] _publicKey = [];

    [GlobalSetup]
    public void Setup()
    {
        _key = EthereumKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        _publicKey = _key.PublicKey;
        _dotnet = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.CreateFromFriendlyName("secP256k1"),
            D = _key.ExportPrivateKey(),
            Q = new ECPoint { X = _publicKey[1..33], Y = _publicKey[33..] },
        });
        _digest = Keccak256.HashUtf8("backend comparison");
        _dotnetSignature = _dotnet.SignHash(_digest);
        _signature = _key.Sign(_digest);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _dotnet.Dispose();
        _key.Dispose();
    }

    [Benchmark]
    public byte[] DotNetSignRandomK() => _dotnet.SignHash(_digest);

    [Benchmark]
    public EcdsaSignature BouncyCastleSignRfc6979() => _key.Sign(_digest);

    [Benchmark]
    public bool DotNetVerify() => _dotnet.VerifyHash(_digest, _dotnetSignature);

    [Benchmark]
    public bool BouncyCastleVerify() => Secp256k1.Verify(_digest, _signature, _publicKey);

    [Benchmark]
    public byte[] LibSecp256k1Recover() => Secp256k1.RecoverPublicKey(_digest, _signature);

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new OpsPerSecondColumn());
    }
}
