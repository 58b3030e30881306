using Grpc.Core;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Node.Access;
using Trace.Node.Lineage.Queries;

namespace Trace.Api.Access;

/// <summary>
/// The resource rules of <see cref="AuthorizationTable"/> that depend on the request's content, checked by the
/// services: writing only as one's own participant, reading only the lineage within one's reach.
/// Each throws <see cref="AccessDeniedException"/> (PERMISSION_DENIED) with the reason.
/// </summary>
public sealed class AccessRules(KeyStandings standings, LineageQueries lineage)
{
    /// <summary>
    /// A claim whose issuer is an active key of ANOTHER participant is refused: suppliers, carriers and verifiers write
    /// only as themselves. An issuer that cannot issue at all (unregistered, retired, suspended) is left to the intake,
    /// which refuses it naming its standing; a malformed issuer is left to the intake's field check.
    /// </summary>
    public async Task EnsureMayIssueAsync(ServerCallContext context, string issuerText, string field, CancellationToken ct)
    {
        var caller = context.GetCaller();
        if (!EthereumAddress.TryParse(issuerText, out var issuer) || caller.Key == issuer) return;
        var standing = await standings.GetAsync(issuer, ct).ConfigureAwait(false);
        if (!standing.IsActiveParticipantKey) return;
        if (caller.ParticipantId is not null && standing.ParticipantId == caller.ParticipantId) return;
        throw new AccessDeniedException(
            $"{field}: {issuer} is a key of participant {standing.ParticipantId}, not of the caller's ({caller.ParticipantId ?? "none"}, signed in as {caller.Key}); sign in with a key of the issuer's participant");
    }

    /// <summary>
    /// A revocation naming its signer is relayed only for the caller's own participant: the signer must be one of its
    /// keys. Without a signer the relay checks the signature against the record's issuer, which no caller can forge.
    /// </summary>
    public async Task EnsureMayRevokeAsync(ServerCallContext context, EthereumAddress? signer, CancellationToken ct)
    {
        var caller = context.GetCaller();
        if (signer is not { } key || caller.Key == key) return;
        var standing = await standings.GetAsync(key, ct).ConfigureAwait(false);
        if (!standing.IsRegistered || (caller.ParticipantId is not null && standing.ParticipantId == caller.ParticipantId)) return;
        throw new AccessDeniedException($"signer: {key} is a key of participant {standing.ParticipantId}, not of the caller's ({caller.ParticipantId ?? "none"})");
    }

    /// <summary>
    /// A flag, unflag or endorsement is relayed only for the caller's own participant: its signer must be the caller's
    /// key or another key of the caller's participant (the relay then checks the signer's role on chain).
    /// </summary>
    public async Task EnsureSignerIsCallersAsync(ServerCallContext context, EthereumAddress signer, CancellationToken ct)
    {
        var caller = context.GetCaller();
        if (caller.Key == signer) return;
        var standing = await standings.GetAsync(signer, ct).ConfigureAwait(false);
        if (caller.ParticipantId is not null && standing.ParticipantId == caller.ParticipantId) return;
        throw new AccessDeniedException(
            $"signer: {signer} is {(standing.IsRegistered ? $"a key of participant {standing.ParticipantId}" : "no participant's key")}, not of the caller's ({caller.ParticipantId ?? "none"}, signed in as {caller.Key})");
    }

    /// <summary>Regulators and verifiers read any lineage; suppliers, carriers and buyers the batches their participant took part in.</summary>
    public async Task EnsureMayReadLineageAsync(ServerCallContext context, string batchId, CancellationToken ct)
    {
        var caller = context.GetCaller();
        if (caller.HasAnyRole(ParticipantRoles.Regulator | ParticipantRoles.Verifier)) return;
        var keys = caller.ParticipantId is null ? [] : (await standings.KeysOfAsync(caller.ParticipantId, ct).ConfigureAwait(false)).Select(k => k.ToString()).ToList();
        if (await lineage.IsWithinReachAsync(batchId, keys, ct).ConfigureAwait(false)) return;
        throw new AccessDeniedException(
            $"batch_id: participant {caller.ParticipantId ?? "none"} neither produced {batchId} nor sent, carried or received a shipment of it; only regulators and verifiers read any lineage");
    }
}
