using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Access;

namespace Trace.Node.ContentAccess;

/// <summary>
/// Who may read a record's content bytes: the participant whose key issued it, a participant it granted access
/// (per record or per batch, until revoked), and regulators. Hashes, claims, statuses and computed footprints are
/// public; this rule is about the bytes only.
/// </summary>
public sealed class ContentAccessPolicy(ContentGrantStore grants, IParticipantKeys keys)
{
    /// <summary>Decides whether <paramref name="caller"/> may read <paramref name="record"/>'s content.</summary>
    public async Task<ContentAccessDecision> DecideAsync(Caller caller, EvidenceRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(record);
        if (caller.IsAnonymous) return new(false, "content bytes are readable only after sign-in (by the issuer, a grantee or a regulator)");
        if (caller.IsRegulator) return new(true, "regulator");
        var issuer = await IssuerOfAsync(record, ct).ConfigureAwait(false);
        if (caller.ParticipantId is null || issuer is null)
            return new(false, $"the content of record {record.Id} is readable only by its issuer, participants it grants access and regulators");
        var me = ParticipantIds.Normalise(caller.ParticipantId, "caller");
        if (me == issuer) return new(true, "issuer");
        var grant = await grants.FindCoveringAsync(issuer, me, record.Id, ct).ConfigureAwait(false);
        if (grant is not null) return new(true, "grant") { GrantId = grant.Id };
        return new(false, $"the content of record {record.Id} is readable only by its issuer ({issuer}), participants it grants access and regulators; {me} holds no grant for it");
    }

    /// <summary>The participant whose key issued <paramref name="record"/>, or null when the key is unknown to the registry.</summary>
    public Task<string?> IssuerOfAsync(EvidenceRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        return keys.ParticipantOfAsync(EthereumAddress.Parse(record.Issuer), ct);
    }
}
