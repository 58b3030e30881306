using System.Collections.Concurrent;
using Grpc.Core;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Client.Access;

/// <summary>
/// Tokens for a client holding several participants' keys (an ERP connector, a gateway, a test): a submission is sent
/// signed in as its claim's issuer (a relayed revocation, flag or endorsement as its signer) when that key is held here, every other call as the default key.
/// </summary>
/// <remarks>
/// When the issuer's key cannot sign in (not registered, retired, participant suspended), the call goes with the default
/// key's token and the node's answer names the issuer's standing; with no default key it goes without a token.
/// </remarks>
public sealed class KeyringAccessTokenProvider(CallInvoker invoker) : IAccessTokenProvider
{
    private const string Evidence = "/trace.v1.EvidenceService/";
    private readonly AccessTokenCache _cache = new(invoker);
    private readonly ConcurrentDictionary<EthereumAddress, EthereumKey> _keys = new();

    /// <summary>The key of calls that submit nothing held here; null sends those without a token.</summary>
    public EthereumKey? DefaultKey { get; set; }

    /// <summary>Holds <paramref name="key"/>: claims it issues are submitted signed in as it. The caller keeps owning (and disposing) it.</summary>
    public void Add(EthereumKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _keys[key.Address] = key;
    }

    public bool NeedsFirstMessage(string method) => method is Evidence + "SubmitDocument" or Evidence + "SubmitRecords";

    public async ValueTask<string?> GetTokenAsync(string method, object? request, CancellationToken ct)
    {
        if (method.StartsWith("/trace.v1.SignInService/", StringComparison.Ordinal)) return null;
        var issuer = request switch
        {
            SubmitRecordRequest r => r.SignedClaim?.Claim?.Issuer,
            SubmitDocumentRequest { PartCase: SubmitDocumentRequest.PartOneofCase.Header } d => d.Header.SignedClaim?.Claim?.Issuer,
            RevokeRecordRequest r => r.Signer,
            FlagRecordRequest r => r.Signer,
            UnflagRecordRequest r => r.Signer,
            EndorseRecordRequest r => r.Signer,
            _ => null,
        };
        if (issuer is not null && EthereumAddress.TryParse(issuer, out var address) && _keys.TryGetValue(address, out var key))
        {
            try { return await _cache.GetAsync(key, ct).ConfigureAwait(false); }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated && DefaultKey is not null) { }
        }
        return DefaultKey is { } fallback ? await _cache.GetAsync(fallback, ct).ConfigureAwait(false) : null;
    }
}
