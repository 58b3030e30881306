using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Trace.Client.Access;
using Trace.Client.Assurance;
using Trace.Client.Claims;
using Trace.Client.Verification;
using Trace.Crypto;
using Trace.Protos.V1;
using EthRpc = Trace.Chain.Rpc.EthRpc;
using JsonRpcClient = Trace.Chain.Rpc.JsonRpcClient;
using VerificationOutcome = Trace.Domain.VerificationOutcome;

namespace Trace.Client;

/// <summary>
/// A typed facade over a Trace node's gRPC services: submit records and documents, stream records, watch status,
/// read records and proof bundles. Failures surface as <see cref="TraceClientException"/> subclasses, not RpcException.
/// </summary>
public sealed partial class TraceClient : IDisposable
{
    private const int ChunkBytes = 64 * 1024;
    private readonly GrpcChannel? _ownedChannel;

    /// <summary>A client over an existing channel (not disposed with the client).</summary>
    public TraceClient(ChannelBase channel, GetNodeInfoResponse info)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(info);
        RawInvoker = channel.CreateCallInvoker();
        Tokens = new KeyringAccessTokenProvider(RawInvoker);
        var signedIn = channel.Intercept(new AccessTokenInterceptor(Tokens));
        Evidence = new EvidenceService.EvidenceServiceClient(signedIn);
        Participants = new ParticipantService.ParticipantServiceClient(signedIn);
        Lineage = new LineageService.LineageServiceClient(signedIn);
        ContentAccess = new ContentAccessService.ContentAccessServiceClient(signedIn);
        Audit = new AuditService.AuditServiceClient(signedIn);
        Cbam = new CbamService.CbamServiceClient(signedIn);
        Pact = new PactService.PactServiceClient(signedIn);
        Epcis = new EpcisService.EpcisServiceClient(signedIn);
        Assurance = new AssuranceService.AssuranceServiceClient(signedIn);
        IndexAdmin = new IndexAdminService.IndexAdminServiceClient(signedIn);
        Info = info;
        Registry = EthereumAddress.TryParse(info.Contracts.GetValueOrDefault("EvidenceRegistry"), out var registry)
            ? registry
            : throw new TraceClientException(StatusCode.FailedPrecondition, "the node reports no EvidenceRegistry address");
    }

    private TraceClient(GrpcChannel channel, GetNodeInfoResponse info) : this((ChannelBase)channel, info) => _ownedChannel = channel;

    /// <summary>Connects to the node at <paramref name="address"/> and reads its deployment (chain id, registry).</summary>
    /// <exception cref="TraceNodeUnavailableException">the node cannot be reached.</exception>
    public static async Task<TraceClient> ConnectAsync(Uri address, CancellationToken ct = default)
    {
        var channel = GrpcChannel.ForAddress(address);
        try
        {
            var info = await Call(() => new NodeService.NodeServiceClient(channel).GetNodeInfoAsync(new GetNodeInfoRequest(), cancellationToken: ct).ResponseAsync).ConfigureAwait(false);
            return new TraceClient(channel, info);
        }
        catch
        {
            channel.Dispose();
            throw;
        }
    }

    /// <summary>The generated gRPC client, for calls the facade does not wrap.</summary>
    public EvidenceService.EvidenceServiceClient Evidence { get; }

    /// <summary>The generated ParticipantService client: onboarding (admin) and the public participant directory (docs/participants.md).</summary>
    public ParticipantService.ParticipantServiceClient Participants { get; }

    /// <summary>The generated LineageService client (footprints, upstream and downstream lineage).</summary>
    public LineageService.LineageServiceClient Lineage { get; }

    /// <summary>The generated ContentAccessService client (grants to read content, docs/confidentiality.md).</summary>
    public ContentAccessService.ContentAccessServiceClient ContentAccess { get; }

    /// <summary>The generated AuditService client (the node's index re-verified).</summary>
    public AuditService.AuditServiceClient Audit { get; }

    /// <summary>The generated CbamService client (CBAM report export, docs/cbam.md).</summary>
    public CbamService.CbamServiceClient Cbam { get; }

    /// <summary>The generated PactService client (PACT ProductFootprint export and conversion, docs/pact.md).</summary>
    public PactService.PactServiceClient Pact { get; }

    /// <summary>The generated EpcisService client (EPCIS 2.0 documents to unsigned lineage records, docs/epcis.md).</summary>
    public EpcisService.EpcisServiceClient Epcis { get; }

    /// <summary>Calls without the token interceptor (sign-in itself, or a caller's own tokens).</summary>
    public CallInvoker RawInvoker { get; }

    /// <summary>The generated AssuranceService client: flags, endorsements and the audit trail (docs/assurance.md).</summary>
    public AssuranceService.AssuranceServiceClient Assurance { get; }

    /// <summary>The generated IndexAdminService client: the index rebuilt from the chain and the blob journal (admin, docs/rebuild.md).</summary>
    public IndexAdminService.IndexAdminServiceClient IndexAdmin { get; }

    /// <summary>
    /// A flag / endorsement signer for this node's deployment. The relay RPCs are signed in as
    /// <see cref="KeyringAccessTokenProvider.DefaultKey"/>, which becomes <paramref name="key"/> unless already set.
    /// </summary>
    public AssuranceSigner AssuranceSignerFor(EthereumKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Tokens.Add(key);
        Tokens.DefaultKey ??= key;
        return new AssuranceSigner(key, Info.ChainId, Registry);
    }

    /// <summary>The node's GetNodeInfo answer at connect time.</summary>
    public GetNodeInfoResponse Info { get; }

    /// <summary>The EvidenceRegistry of the node's deployment (the claims' EIP-712 verifying contract).</summary>
    public EthereumAddress Registry { get; }

    /// <summary>
    /// The keys this client signs in with (docs/access.md): a submission as its claim's issuer, every other call as
    /// <see cref="KeyringAccessTokenProvider.DefaultKey"/> (the first key given to <see cref="SignerFor"/> unless set).
    /// </summary>
    public KeyringAccessTokenProvider Tokens { get; }

    /// <summary>A claim signer for this node's deployment; the client signs in with <paramref name="key"/> to submit its claims.</summary>
    public ClaimSigner SignerFor(EthereumKey key)
    {
        Tokens.Add(key);
        Tokens.DefaultKey ??= key;
        return new(key, Info.ChainId, Registry);
    }

    /// <summary>Submits one signed structured record (idempotent: the same claim again answers Created = false).</summary>
    public Task<SubmitRecordResponse> SubmitRecordAsync(SubmitRecordRequest request, CancellationToken ct = default) =>
        Call(() => Evidence.SubmitRecordAsync(request, cancellationToken: ct).ResponseAsync);

    /// <summary>Salts, canonicalises, signs and submits a structured record in one call.</summary>
    public Task<SubmitRecordResponse> SubmitRecordAsync(ClaimSigner signer, string subjectId, RecordKind kind, string bodyJson, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return SubmitRecordAsync(signer.StructuredRecord(subjectId, kind, bodyJson), ct);
    }

    /// <summary>Streams <paramref name="content"/> after its header; the header's length and hash must match the content.</summary>
    public Task<SubmitDocumentResponse> SubmitDocumentAsync(SubmitDocumentHeader header, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(content);
        return Call(async () =>
        {
            using var call = Evidence.SubmitDocument(cancellationToken: ct);
            await call.RequestStream.WriteAsync(new SubmitDocumentRequest { Header = header }, ct).ConfigureAwait(false);
            var buffer = new byte[ChunkBytes];
            int read;
            while ((read = await content.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                await call.RequestStream.WriteAsync(new SubmitDocumentRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, ct).ConfigureAwait(false);
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            return await call.ResponseAsync.ConfigureAwait(false);
        });
    }

    /// <summary>Hashes the file, signs its claim and uploads it.</summary>
    public async Task<SubmitDocumentResponse> SubmitDocumentAsync(ClaimSigner signer, string path, RecordKind kind, string subjectId,
        string mediaType, string? metadataJson = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var digest = await DocumentDigest.OfFileAsync(path, ct).ConfigureAwait(false);
        var header = signer.DocumentHeader(digest, kind, subjectId, mediaType, Path.GetFileName(path), metadataJson);
        await using var file = File.OpenRead(path);
        return await SubmitDocumentAsync(header, file, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams records to SubmitRecords and yields one answer per record in request order: accepted (with the record)
    /// or refused (with the reason); a refused record does not end the stream.
    /// </summary>
    public async IAsyncEnumerable<SubmitRecordsResponse> SubmitRecordsAsync(IAsyncEnumerable<SubmitRecordRequest> requests,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        using var call = Evidence.SubmitRecords(cancellationToken: ct);
        var writer = Task.Run(async () =>
        {
            await foreach (var request in requests.WithCancellation(ct).ConfigureAwait(false))
                await call.RequestStream.WriteAsync(request, ct).ConfigureAwait(false);
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }, ct);
        while (await Call(() => call.ResponseStream.MoveNext(ct)).ConfigureAwait(false))
            yield return call.ResponseStream.Current;
        await Call(() => writer).ConfigureAwait(false);
    }

    /// <summary>Streams an in-memory list of records; see <see cref="SubmitRecordsAsync(IAsyncEnumerable{SubmitRecordRequest}, CancellationToken)"/>.</summary>
    public IAsyncEnumerable<SubmitRecordsResponse> SubmitRecordsAsync(IEnumerable<SubmitRecordRequest> requests, CancellationToken ct = default) =>
        SubmitRecordsAsync(requests.ToAsyncEnumerable(), ct);

    /// <summary>Status changes of <paramref name="recordIds"/> (all records when empty) until cancelled.</summary>
    public async IAsyncEnumerable<WatchRecordStatusResponse> WatchAsync(IEnumerable<string> recordIds, bool includeCurrent = true,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var request = new WatchRecordStatusRequest { IncludeCurrent = includeCurrent };
        request.RecordIds.AddRange(recordIds);
        using var call = Evidence.WatchRecordStatus(request, cancellationToken: ct);
        while (await Call(() => call.ResponseStream.MoveNext(ct)).ConfigureAwait(false))
            yield return call.ResponseStream.Current;
    }

    /// <summary>Waits until the record reaches <paramref name="status"/> (or a later one) and returns it.</summary>
    public async Task<EvidenceRecord> WaitForStatusAsync(string recordId, RecordStatus status, CancellationToken ct = default)
    {
        await foreach (var change in WatchAsync([recordId], includeCurrent: true, ct).ConfigureAwait(false))
            if (change.Status >= status) return await GetRecordAsync(recordId, ct).ConfigureAwait(false);
        throw new TraceClientException(StatusCode.Aborted, $"the node ended the status watch of {recordId}");
    }

    /// <summary>The record with its anchor and revocation, if any.</summary>
    /// <exception cref="TraceRecordNotFoundException">no such record.</exception>
    public async Task<EvidenceRecord> GetRecordAsync(string recordId, CancellationToken ct = default) =>
        (await Call(() => Evidence.GetRecordAsync(new GetRecordRequest { RecordId = recordId }, cancellationToken: ct).ResponseAsync).ConfigureAwait(false)).Record;

    /// <summary>The record's proof bundle (structured and as the JSON document `trace verify` takes).</summary>
    /// <exception cref="TraceRecordNotReadyException">the record is not anchored yet.</exception>
    public Task<GetProofBundleResponse> GetProofBundleAsync(string recordId, CancellationToken ct = default) =>
        Call(() => Evidence.GetProofBundleAsync(new GetProofBundleRequest { RecordId = recordId }, cancellationToken: ct).ResponseAsync);

    /// <summary>
    /// Verifies a proof bundle offline, asking only a JSON-RPC endpoint of the chain it names (no Trace node): every hash
    /// recomputed from the bundle, then root, anchoring transaction and block, and the registry's own verify view.
    /// <paramref name="content"/> (optional) is the document or canonical record to check against the claim's content hash.
    /// </summary>
    /// <exception cref="Trace.Domain.InvalidFieldException">the bundle JSON is malformed; the field names the member.</exception>
    /// <exception cref="ChainMismatchException">the endpoint answers for another chain than the bundle's <c>anchor.chainId</c>.</exception>
    /// <exception cref="Trace.Chain.Rpc.RpcTransportException">the endpoint cannot be reached.</exception>
    public static async Task<VerificationOutcome> VerifyBundleAsync(string bundleJson, Uri rpcUrl, byte[]? content = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rpcUrl);
        var bundle = ProofBundleJson.Parse(bundleJson);
        using var rpc = new JsonRpcClient(rpcUrl);
        return await new BundleVerifier(new EthRpc(rpc))
            .VerifyAsync(bundle, content is null ? null : SHA256.HashData(content), "supplied content", ct).ConfigureAwait(false);
    }

    public void Dispose() => _ownedChannel?.Dispose();

    internal static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            throw TraceClientException.From(ex);
        }
    }

    internal static async Task Call(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            throw TraceClientException.From(ex);
        }
    }
}
