using Trace.Node.Lineage.Model;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Carbon.Footprint;
using Trace.Node.Lineage.Propagation;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Intake;

internal sealed partial class LineageWriter
{
    private async Task<IReadOnlyCollection<string>> ApplyShipmentAsync(ShipmentRecord record, AcceptedClaim claim, CancellationToken ct)
    {
        const string kind = "shipment";
        var id = record.ShipmentId;
        var existing = await FindShipmentAsync(id, ct).ConfigureAwait(false);
        LineageRecordEntity? superseded = null;
        if (record.Supersedes is null)
        {
            if (existing is not null)
                throw Refusal.Of("shipmentId", kind, $"shipment {id} is already recorded (record {existing.RecordId}); a correction must state \"supersedes\"");
        }
        else
        {
            superseded = await RequireSupersededAsync(record, claim, ct).ConfigureAwait(false);
            if (existing is null || existing.RecordId != superseded.RecordId)
                throw Refusal.Of("supersedes", kind, $"shipment {id}: {superseded.RecordId} is not its current record");
            if (existing.BatchId != record.BatchId)
                throw Refusal.Of("batchId", kind, $"shipment {id}: a correction carries the same batch {existing.BatchId}");
            if (existing.Consumed > 0m && !await SamePartyAsync(existing.ToParticipant, record.To.Participant, ct).ConfigureAwait(false))
                throw Refusal.Of("to.participant", kind, $"shipment {id}: {existing.Consumed} of it were already used by {existing.ToParticipant}; a correction keeps the receiver");
            // Release what the corrected record drew; the correction is then checked like a new shipment.
            if (existing.DrawsFrom is { } parentId) (await FindShipmentAsync(parentId, ct).ConfigureAwait(false))!.Consumed -= existing.Quantity;
            else (await FindBatchAsync(existing.BatchId, ct).ConfigureAwait(false))!.Consumed -= existing.Quantity;
        }

        var batch = await FindBatchAsync(record.BatchId, ct).ConfigureAwait(false)
            ?? throw Refusal.Of("batchId", kind, $"shipment {id}: batch {record.BatchId} is not declared");
        var unit = UnitOf(batch);
        if (!record.Quantity.Unit.ConvertsTo(unit))
            throw Refusal.Of("quantity.unit", kind, $"shipment {id}: {record.Quantity.Unit.Code} does not convert to batch {record.BatchId}'s unit {unit.Code}");
        var quantity = record.Quantity.In(unit);
        if (!await SamePartyAsync(claim.Issuer, record.From.Participant, ct).ConfigureAwait(false) && !await SamePartyAsync(claim.Issuer, record.Carrier?.Participant, ct).ConfigureAwait(false))
            throw Refusal.Of("from.participant", kind, $"shipment {id} of batch {record.BatchId}: the issuer {claim.Issuer} is neither the sender {record.From.Participant} nor the carrier");
        if (existing is not null && quantity < existing.Consumed)
            throw Refusal.Of("quantity", kind, $"shipment {id} of batch {record.BatchId}: {existing.Consumed} {unit.Code} of it are already used, more than {record.Quantity}");

        LineageShipmentEntity? drawnFrom = null;
        if (record.DrawsFromShipmentId is { } drawsFrom)
        {
            var parent = await FindShipmentAsync(drawsFrom, ct).ConfigureAwait(false)
                ?? throw Refusal.Of("drawsFromShipmentId", kind, $"shipment {id}: shipment {drawsFrom} is not known");
            if (parent.ShipmentId == id)
                throw Refusal.Of("drawsFromShipmentId", kind, $"shipment {id} cannot draw from itself");
            if (parent.BatchId != record.BatchId)
                throw Refusal.Of("drawsFromShipmentId", kind, $"shipment {id}: shipment {drawsFrom} carries batch {parent.BatchId}, not {record.BatchId}");
            if (!await SamePartyAsync(parent.ToParticipant, record.From.Participant, ct).ConfigureAwait(false))
                throw Refusal.Of("drawsFromShipmentId", kind, $"shipment {id} of batch {record.BatchId}: shipment {drawsFrom} was delivered to {parent.ToParticipant}, not to the sender {record.From.Participant}");
            if (parent.Consumed + quantity > parent.Quantity)
                throw Refusal.Of("quantity", kind, $"shipment {id}: mass balance of shipment {drawsFrom} (batch {record.BatchId}): shipping {record.Quantity} onward exceeds what is left of the {parent.Quantity} {unit.Code} it carried ({parent.Quantity - parent.Consumed} {unit.Code})");
            drawnFrom = parent;
        }
        else
        {
            if (!await SamePartyAsync(batch.Producer, record.From.Participant, ct).ConfigureAwait(false))
                throw Refusal.Of("from.participant", kind, $"shipment {id}: the sender {record.From.Participant} did not produce batch {record.BatchId} (producer {batch.Producer}); an onward shipment names drawsFromShipmentId");
            if (batch.Consumed + quantity > batch.Quantity)
                throw Refusal.Of("quantity", kind, $"shipment {id}: mass balance of batch {record.BatchId}: shipping {record.Quantity} exceeds what is left of its {batch.Quantity} {unit.Code} ({batch.Quantity - batch.Consumed} {unit.Code} not yet consumed or shipped)");
        }

        var cited = new List<(string, string)>();
        for (var i = 0; i < record.Legs.Count; i++) Cite(cited, $"legs[{i}]", record.Legs[i].Measured);
        await RequireCitedAsync(kind, $"shipment {id}", cited, ct).ConfigureAwait(false);
        await RequireCustomsCertificatesAsync(record, ct).ConfigureAwait(false);
        var legs = ComputeLegs(record);
        var plan = ResolvePlan(record);

        BeginWrites();
        if (drawnFrom is not null) drawnFrom.Consumed += quantity;
        else batch.Consumed += quantity;
        var shipment = existing ?? Shipments.Add(new LineageShipmentEntity
        {
            ShipmentId = id, RecordId = claim.RecordId, Issuer = claim.Issuer, BatchId = record.BatchId, RecordedUnit = record.Quantity.Unit.Code,
            FromParticipant = record.From.Participant, ToParticipant = record.To.Participant,
        }).Entity;
        shipment.RecordId = claim.RecordId;
        shipment.Issuer = claim.Issuer;
        shipment.RecordedAmount = record.Quantity.Amount;
        shipment.RecordedUnit = record.Quantity.Unit.Code;
        shipment.Quantity = quantity;
        shipment.FromParticipant = record.From.Participant;
        shipment.FromLocation = record.From.Location;
        shipment.ToParticipant = record.To.Participant;
        shipment.ToLocation = record.To.Location;
        shipment.DrawsFrom = record.DrawsFromShipmentId;
        shipment.LegCount = legs.Count;
        shipment.LegsKg = legs.Sum(l => l.KgCo2e);
        shipment.LegsPrimaryKg = legs.Where(l => l.Method is EmissionMethod.Measured or EmissionMethod.Calculated).Sum(l => l.KgCo2e);
        shipment.LegsJson = JsonSerializer.Serialize(legs, LineageJson.Options);
        shipment.PlannedRouteJson = plan is null ? null : JsonSerializer.Serialize(plan, LineageJson.Options);
        AddRecordRow(record, claim, superseded);
        foreach (var leg in legs)
        {
            AddCitations(claim.RecordId, CitationRoles.Leg(leg.Index), leg.Evidence, leg.Method is EmissionMethod.Measured or EmissionMethod.Calculated);
            if (leg.FactorSetRecordId is { } factorSet) AddCitations(claim.RecordId, CitationRoles.FactorSet, [factorSet], false);
        }
        AddCitations(claim.RecordId, CitationRoles.CustomsCertificate, record.CustomsCertificates, false);
        return existing is null ? [] : await LineageDependents.OutputsDrawingOnShipmentAsync(db, id, ct).ConfigureAwait(false);
    }

    private async Task RequireCustomsCertificatesAsync(ShipmentRecord record, CancellationToken ct)
    {
        if (record.CustomsCertificates.Count == 0) return;
        var ids = record.CustomsCertificates.Select(c => c.ToLowerInvariant()).ToList();
        var kinds = scope is not null && ids.TrueForAll(scope.IsKnownRecord)
            ? ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => scope.KindOf(id)!.Value, StringComparer.Ordinal)
            : await _queries.KindsOf(db, ids).ToDictionaryAsync(r => r.Id, r => r.Kind, StringComparer.Ordinal, ct).ConfigureAwait(false);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!kinds.TryGetValue(ids[i], out var found))
                throw Refusal.Of($"customsCertificates[{i}]", "shipment", $"shipment {record.ShipmentId}: cites unknown record {record.CustomsCertificates[i]}");
            if (found != RecordKind.CustomsEnvironmentalCertificate)
                throw Refusal.Of($"customsCertificates[{i}]", "shipment", $"shipment {record.ShipmentId}: record {record.CustomsCertificates[i]} is a {found} record, not a customs environmental certificate (kind 3)");
        }
    }

    /// <summary>E(leg): the measured figure, or distanceKm × tonnes × factor(mode) of the active factor set (left to right).</summary>
    private List<StoredLeg> ComputeLegs(ShipmentRecord record)
    {
        var legs = new List<StoredLeg>(record.Legs.Count);
        for (var i = 0; i < record.Legs.Count; i++)
        {
            var leg = record.Legs[i];
            if (leg.Measured is { } measured)
            {
                legs.Add(new StoredLeg(i, leg.Mode, leg.From, leg.To, leg.DistanceKm, measured.KgCo2e, measured.Method, measured.Evidence, null, null, null, null));
                continue;
            }
            var tonnes = record.CargoTonnes
                ?? throw Refusal.Of($"legs[{i}].kgCO2e", "shipment", $"shipment {record.ShipmentId}: leg {i} has no kgCO2e and neither cargoMass nor quantity is a mass, so the mode's default factor cannot apply (state cargoMass)");
            var set = factors?.Active
                ?? throw Refusal.Of($"legs[{i}].kgCO2e", "shipment", $"shipment {record.ShipmentId}: leg {i} has no kgCO2e and this node has no transport factor set");
            var factor = set.For(leg.Mode);
            legs.Add(new StoredLeg(i, leg.Mode, leg.From, leg.To, leg.DistanceKm, leg.DistanceKm * tonnes * factor.KgCo2ePerTonneKm,
                EmissionMethod.DefaultFactor, [], set.Version, set.RecordId?.ToLowerInvariant(), factor.KgCo2ePerTonneKm, tonnes));
        }
        return legs;
    }

    /// <summary>
    /// The route plan the record cites, priced for the cargo it carried. The plan must be one this node made (kept in the
    /// blob store, so a rebuild finds it again) and run between the shipment's stated locations.
    /// </summary>
    private RoutePlanTerm? ResolvePlan(ShipmentRecord record)
    {
        if (record.RoutePlanId is not { } planId) return null;
        var found = plans?.Find(planId)
            ?? throw Refusal.Of("routePlanId", "shipment", $"shipment {record.ShipmentId}: this node made no route plan {planId} (cite a plan_id RouteDecisionService.DecideRoute returned)");
        var plan = found.Plan;
        if (record.From.Location is { } from && from != plan.Origin)
            throw Refusal.Of("routePlanId", "shipment", $"shipment {record.ShipmentId}: route plan {planId} starts at {plan.Origin}, but the shipment leaves from {from}");
        if (record.To.Location is { } to && to != plan.Destination)
            throw Refusal.Of("routePlanId", "shipment", $"shipment {record.ShipmentId}: route plan {planId} ends at {plan.Destination}, but the shipment goes to {to}");
        var tonnes = record.CargoTonnes
            ?? throw Refusal.Of("cargoMass", "shipment", $"shipment {record.ShipmentId}: citing route plan {planId} needs the shipped mass, and neither cargoMass nor quantity is a mass (state cargoMass)");
        return new RoutePlanTerm(planId.ToLowerInvariant(), plan.DeadlineDays, plan.Days, tonnes, plan.KgCo2eFor(tonnes));
    }
}
