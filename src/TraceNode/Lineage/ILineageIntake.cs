using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Storage;

namespace Trace.Node.Lineage;

/// <summary>
/// Takes a parsed lineage record with its accepted claim: checks it against every record already in the lineage,
/// then commits the claim and the lineage rows together (or neither), and brings the footprints it affects up to date.
/// </summary>
public interface ILineageIntake
{
    /// <summary>
    /// Accepts the record; a resubmitted claim returns the existing record (Created false) and changes nothing.
    /// <paramref name="content"/> (the canonical bytes), when given, is stored in the blob store after the record passes
    /// every check and before its claim commits: a refused record leaves no content, an accepted one never lacks it.
    /// </summary>
    /// <exception cref="InvalidFieldException">the record contradicts the lineage; names <c>record_json.&lt;path&gt;</c>.</exception>
    Task<AddClaimResult> AcceptAsync(LineageRecord record, AcceptedClaim claim, CancellationToken cancellationToken, ReadOnlyMemory<byte> content = default);
}
