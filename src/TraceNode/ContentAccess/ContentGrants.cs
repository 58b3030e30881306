using Trace.Domain;
using Trace.Node.Access;
using Trace.Node.ContentAccess.Storage;
using Trace.Node.Storage;

namespace Trace.Node.ContentAccess;

/// <summary>
/// Granting, revoking and listing content access. Only a participant can grant, and only for its own content: a
/// record grant needs a record its keys issued; a batch grant covers, of the batch's lineage records and the evidence
/// they cite, only those its keys issued (so it never exposes another participant's content).
/// </summary>
public sealed class ContentGrants(ContentGrantStore store, TraceStore records, ContentAccessPolicy policy, IParticipantKeys keys)
{
    /// <summary>Grants <paramref name="granteeText"/> read access to <paramref name="target"/>; answers the (new or existing) grant.</summary>
    /// <exception cref="ContentAccessDeniedException">the caller is not a participant, or the record is another participant's.</exception>
    /// <exception cref="InvalidFieldException">a malformed or unregistered grantee, the caller itself, an empty target.</exception>
    /// <exception cref="RecordNotFoundException">no such record.</exception>
    /// <exception cref="ContentGrantNotFoundException">never.</exception>
    public async Task<(ContentGrant Grant, bool Created)> GrantAsync(Caller caller, string granteeText, ContentGrantScope scope, string target, CancellationToken ct)
    {
        var me = Granter(caller, "grant");
        var grantee = ParticipantIds.Normalise(granteeText, "grantee_participant_id");
        if (grantee == me) throw new InvalidFieldException("grantee_participant_id", "is the granting participant itself, which reads its own content already");
        string normalisedTarget;
        if (scope == ContentGrantScope.Record)
        {
            normalisedTarget = RecordIds.Normalise(target, "record_id");
            var record = await records.GetRecordAsync(normalisedTarget, ct).ConfigureAwait(false) ?? throw new RecordNotFoundException(normalisedTarget);
            var issuer = await policy.IssuerOfAsync(record, ct).ConfigureAwait(false);
            if (issuer != me)
                throw new ContentAccessDeniedException($"record {normalisedTarget} was issued by participant {issuer ?? "(unknown key)"}: only its issuer grants access to its content");
        }
        else
        {
            normalisedTarget = target?.Trim() ?? "";
            if (normalisedTarget.Length is 0 or > 256) throw new InvalidFieldException("batch_id", "is empty or longer than 256 characters");
            if (!await store.BatchKnownAsync(normalisedTarget, ct).ConfigureAwait(false))
                throw new InvalidFieldException("batch_id", $"no lineage record about batch {normalisedTarget} is known to this node");
        }
        if (!await keys.IsRegisteredAsync(grantee, ct).ConfigureAwait(false))
            throw new InvalidFieldException("grantee_participant_id", $"{grantee} is not registered in the ParticipantRegistry");
        return await store.AddAsync(me, grantee, scope, normalisedTarget, caller.Key!.Value.ToString(), ct).ConfigureAwait(false);
    }

    /// <summary>Revokes grant <paramref name="grantId"/>; only the participant that made it can.</summary>
    /// <exception cref="ContentGrantNotFoundException">no such grant.</exception>
    /// <exception cref="ContentAccessDeniedException">the caller did not make it.</exception>
    public async Task<ContentGrant> RevokeAsync(Caller caller, string grantId, CancellationToken ct)
    {
        var me = Granter(caller, "revoke");
        var id = grantId?.Trim().ToLowerInvariant() ?? "";
        if (id.Length != 32 || !id.All(Uri.IsHexDigit)) throw new InvalidFieldException("grant_id", "a grant id is 32 hex digits");
        var grant = await store.GetAsync(id, ct).ConfigureAwait(false) ?? throw new ContentGrantNotFoundException(id);
        if (grant.Issuer != me) throw new ContentAccessDeniedException($"grant {id} was made by participant {grant.Issuer}: only it can revoke it");
        return await store.RevokeAsync(id, caller.Key!.Value.ToString(), ct).ConfigureAwait(false);
    }

    /// <summary>Grants the caller made or received; a regulator sees every grant.</summary>
    public Task<IReadOnlyList<ContentGrant>> ListAsync(Caller caller, bool includeRevoked, string? afterId, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsRegulator) return store.ListAsync(null, includeRevoked, afterId, pageSize, ct);
        var me = caller.ParticipantId is null || caller.IsAnonymous
            ? throw new ContentAccessDeniedException("sign in as a participant to list content grants")
            : ParticipantIds.Normalise(caller.ParticipantId, "caller");
        return store.ListAsync(me, includeRevoked, afterId, pageSize, ct);
    }

    private static string Granter(Caller caller, string verb)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsAnonymous || caller.ParticipantId is null || caller.Key is null)
            throw new ContentAccessDeniedException($"only a signed-in participant can {verb} access to its content");
        return ParticipantIds.Normalise(caller.ParticipantId, "caller");
    }
}
