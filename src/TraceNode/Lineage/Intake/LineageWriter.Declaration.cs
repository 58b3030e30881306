using Trace.Node.Lineage.Model;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Intake;

internal sealed partial class LineageWriter
{
    private async Task<IReadOnlyCollection<string>> ApplyDeclarationAsync(FootprintDeclaration record, AcceptedClaim claim, CancellationToken ct)
    {
        const string kind = "footprint declaration";
        var id = record.BatchId;
        var batch = await FindBatchAsync(id, ct).ConfigureAwait(false)
            ?? throw Refusal.Of("batchId", kind, $"batch {id} is not declared (submit its batch record first)");
        if (!await SamePartyAsync(batch.Producer, claim.Issuer, ct).ConfigureAwait(false))
            throw Refusal.Of("batchId", kind, $"batch {id} was produced by {batch.Producer}; only its producer declares its footprint, not {claim.Issuer}");
        if (batch.Scope1 is not null || batch.Scope2 is not null)
            throw Refusal.Of("batchId", kind, $"batch {id} states own emissions in its batch record; a declaration is the whole cradle-to-gate footprint and cannot be added to them");
        if (batch.ProducedBy is { } producer)
            throw Refusal.Of("batchId", kind, $"batch {id} is the output of transformation {producer}; its footprint is computed, not declared");
        LineageRecordEntity? superseded = null;
        if (record.Supersedes is null)
        {
            if (batch.DeclarationRecordId is { } current)
                throw Refusal.Of("batchId", kind, $"batch {id} already has a footprint declaration ({current}); a correction must state \"supersedes\"");
        }
        else
        {
            superseded = await RequireSupersededAsync(record, claim, ct).ConfigureAwait(false);
            if (batch.DeclarationRecordId != superseded.RecordId)
                throw Refusal.Of("supersedes", kind, $"batch {id}: {superseded.RecordId} is not its current footprint declaration");
        }
        var unit = UnitOf(batch);
        if (!unit.ConvertsTo(record.DeclaredUnit))
            throw Refusal.Of("declaredUnit", kind, $"batch {id} is in {unit.Code}, which does not convert to the declared unit {record.DeclaredUnitName} ({record.DeclaredUnit.Code})");
        var cited = new List<(string, string)>();
        for (var i = 0; i < record.Evidence.Count; i++) cited.Add(($"evidence[{i}]", record.Evidence[i]));
        await RequireCitedAsync(kind, $"batch {id}", cited, ct).ConfigureAwait(false);

        // D(b) = pCfExcludingBiogenic × Q(b in the declared unit) / unitaryProductAmount (product before division).
        BeginWrites();
        var declared = record.PcfExcludingBiogenic * unit.Convert(batch.Quantity, record.DeclaredUnit) / record.UnitaryProductAmount;
        batch.Declared = declared;
        batch.DeclaredPrimary = record.PrimaryDataSharePercent is { } share ? declared * share / 100m : 0m;
        batch.DeclarationRecordId = claim.RecordId;
        AddRecordRow(record, claim, superseded);
        AddCitations(claim.RecordId, CitationRoles.Declaration, record.Evidence, record.PrimaryDataSharePercent is > 0m);
        return [id];
    }
}
