using System.Globalization;
using System.Text;
using Trace.Crypto;
using Trace.Domain.Assurance;

namespace Trace.Node.Assurance;

/// <summary>
/// One audit-trail event as exported: the CSV columns and the JSON members, in this order, all text (docs/assurance.md,
/// "Audit trail export"). Hashes are "0x" + lower-case hex, times ISO 8601 UTC, empty text where the event has none.
/// </summary>
public sealed record AuditTrailRow
{
    public string Kind { get; init; } = "";
    public string At { get; init; } = "";
    public long BlockNumber { get; init; }
    public string BlockHash { get; init; } = "";
    public string TxHash { get; init; } = "";
    public int LogIndex { get; init; }
    public string Contract { get; init; } = "";
    public string Actor { get; init; } = "";
    public string ActorParticipantId { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    public string RecordId { get; init; } = "";
    public string SubjectId { get; init; } = "";
    public string MerkleRoot { get; init; } = "";
    public int Code { get; init; }
    public string Related { get; init; } = "";
    public string DetailJson { get; init; } = "";

    /// <summary>The export row of <paramref name="e"/>.</summary>
    public static AuditTrailRow From(RegistryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new()
        {
            Kind = KindName(e.Kind), At = e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), BlockNumber = e.BlockNumber,
            BlockHash = Hex.Encode(e.BlockHash), TxHash = Hex.Encode(e.TxHash), LogIndex = e.LogIndex, Contract = e.Contract, Actor = e.Actor,
            ActorParticipantId = e.ActorParticipantId ?? "", ParticipantId = e.ParticipantId ?? "", RecordId = e.RecordId ?? "", SubjectId = e.SubjectId ?? "",
            MerkleRoot = e.MerkleRoot is null ? "" : Hex.Encode(e.MerkleRoot), Code = e.Code, Related = e.Related ?? "", DetailJson = e.DetailJson,
        };
    }

    /// <summary>The kind as the export writes it: RECORD_FLAGGED, PARTICIPANT_SUSPENDED, ... (AuditEventKind without its prefix).</summary>
    public static string KindName(RegistryEventKind kind)
    {
        var name = kind.ToString();
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) text.Append('_');
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }
}
