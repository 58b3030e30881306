using System.Runtime.CompilerServices;
using Google.Protobuf;
using Trace.Client.Access;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Client;

// Reads: sign-in, record listing, footprints and lineage, the participant directory, verification by the node.
public sealed partial class TraceClient
{
    /// <summary>Signs in with <paramref name="key"/> (EIP-4361 challenge signed with personal_sign) and returns the token and roles.</summary>
    /// <exception cref="TraceClientException">UNAUTHENTICATED: the key is not registered, retired, or its participant suspended.</exception>
    public Task<SignInResponse> SignInAsync(EthereumKey key, CancellationToken ct = default) =>
        Call(() => SignInClient.SignInAsync(RawInvoker, key, ct));

    /// <summary>Every record matching <paramref name="filter"/>, page after page (the filter's page_token is ignored).</summary>
    public async IAsyncEnumerable<EvidenceRecord> ListRecordsAsync(ListRecordsRequest filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var request = filter.Clone();
        request.PageToken = "";
        while (true)
        {
            var page = await Call(() => Evidence.ListRecordsAsync(request, cancellationToken: ct).ResponseAsync).ConfigureAwait(false);
            foreach (var record in page.Records) yield return record;
            if (page.NextPageToken.Length == 0) yield break;
            request.PageToken = page.NextPageToken;
        }
    }

    /// <summary>A batch's cradle-to-gate footprint as the node keeps it materialised (docs/lineage.md).</summary>
    /// <exception cref="TraceRecordNotFoundException">no such batch.</exception>
    public async Task<Footprint> GetFootprintAsync(string batchId, bool includeUpstreamCitations = false, CancellationToken ct = default) =>
        (await Call(() => Lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = batchId, IncludeUpstreamCitations = includeUpstreamCitations }, cancellationToken: ct).ResponseAsync)
            .ConfigureAwait(false)).Footprint;

    /// <summary>The batches a batch was made from, to <paramref name="maxDepth"/> transformations up (0 = the node's default).</summary>
    public Task<GetUpstreamLineageResponse> GetUpstreamLineageAsync(string batchId, int maxDepth = 0, CancellationToken ct = default) =>
        Call(() => Lineage.GetUpstreamLineageAsync(new GetUpstreamLineageRequest { BatchId = batchId, MaxDepth = maxDepth }, cancellationToken: ct).ResponseAsync);

    /// <summary>The batches made from a batch, and the shipments that carried them.</summary>
    public Task<GetDownstreamLineageResponse> GetDownstreamLineageAsync(string batchId, int maxDepth = 0, CancellationToken ct = default) =>
        Call(() => Lineage.GetDownstreamLineageAsync(new GetDownstreamLineageRequest { BatchId = batchId, MaxDepth = maxDepth }, cancellationToken: ct).ResponseAsync);

    /// <summary>A participant of the public directory by id (<c>lei:…</c>, <c>gln:…</c>, 0x + 64 hex) or by one of its keys.</summary>
    public async Task<Participant> GetParticipantAsync(string participantIdOrKey, CancellationToken ct = default)
    {
        var request = EthereumAddress.TryParse(participantIdOrKey, out _) ? new GetParticipantRequest { Key = participantIdOrKey } : new GetParticipantRequest { ParticipantId = participantIdOrKey };
        return (await Call(() => Participants.GetParticipantAsync(request, cancellationToken: ct).ResponseAsync).ConfigureAwait(false)).Participant;
    }

    /// <summary>The whole public directory, page after page (<paramref name="role"/> UNSPECIFIED for all).</summary>
    public async IAsyncEnumerable<Participant> ListParticipantsAsync(ParticipantRole role = ParticipantRole.Unspecified, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var request = new ListParticipantsRequest { Role = role, PageSize = 100 };
        while (true)
        {
            var page = await Call(() => Participants.ListParticipantsAsync(request, cancellationToken: ct).ResponseAsync).ConfigureAwait(false);
            foreach (var participant in page.Participants) yield return participant;
            if (page.NextPageToken.Length == 0) yield break;
            request.PageToken = page.NextPageToken;
        }
    }

    /// <summary>The node's verification of a record (and of <paramref name="content"/> against its hash, when given).</summary>
    public async Task<VerificationResult> VerifyAsync(string recordId, byte[]? content = null, CancellationToken ct = default)
    {
        var request = new VerifyRequest { RecordId = recordId };
        if (content is not null) request.Content = ByteString.CopyFrom(content);
        return (await Call(() => Evidence.VerifyAsync(request, cancellationToken: ct).ResponseAsync).ConfigureAwait(false)).Result;
    }

    /// <summary>
    /// Streams <paramref name="content"/> to VerifyContent: the records whose claimed hash it matches (<paramref name="recordId"/>
    /// empty), or that one record's verdict.
    /// </summary>
    public Task<VerifyContentResponse> VerifyContentAsync(Stream content, string? recordId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Call(async () =>
        {
            using var call = Evidence.VerifyContent(cancellationToken: ct);
            await call.RequestStream.WriteAsync(new VerifyContentRequest { Header = new VerifyContentHeader { RecordId = recordId ?? "" } }, ct).ConfigureAwait(false);
            var buffer = new byte[ChunkBytes];
            int read;
            while ((read = await content.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                await call.RequestStream.WriteAsync(new VerifyContentRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, ct).ConfigureAwait(false);
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            return await call.ResponseAsync.ConfigureAwait(false);
        });
    }

    /// <summary>Writes a record's content (document bytes or canonical record JSON) to <paramref name="destination"/>; returns its info.</summary>
    /// <exception cref="TraceIssuerNotPermittedException">the caller may not read this content (docs/confidentiality.md).</exception>
    public Task<ContentInfo> DownloadContentAsync(string recordId, Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Call(async () =>
        {
            using var call = Evidence.DownloadContent(new DownloadContentRequest { RecordId = recordId }, cancellationToken: ct);
            ContentInfo? info = null;
            while (await call.ResponseStream.MoveNext(ct).ConfigureAwait(false))
            {
                var part = call.ResponseStream.Current;
                if (part.PartCase == DownloadContentResponse.PartOneofCase.Info) info = part.Info;
                else await destination.WriteAsync(part.Chunk.Memory, ct).ConfigureAwait(false);
            }
            return info ?? new ContentInfo();
        });
    }
}
