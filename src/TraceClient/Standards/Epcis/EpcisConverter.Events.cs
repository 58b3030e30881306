using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Domain.Lineage;
using Trace.Protos.V1;

namespace Trace.Client.Standards.Epcis;

public static partial class EpcisConverter
{
    private sealed partial class Run
    {
        // batch id -> the shipment of this call that carried it to the issuer (an input of a later transformation draws from it).
        private readonly Dictionary<string, string> _shippedToIssuer = new(StringComparer.Ordinal);

        private EpcisEventDisposition Commissioning(EventInfo ev, List<string> notes)
        {
            var items = Items(ev, "epcList", "quantityList");
            if (items.Count == 0) throw new NotConvertible(ev.Path + ".epcList", "a commissioning event names no EPC and no quantity");
            foreach (var item in items)
            {
                RequireNew(item);
                var record = BatchRecord(ev, item, notes);
                if (items.Count == 1) Supersede(ev, record, notes);
                Emit(ev, RecordKind.Batch, item.Id, record, notes);
            }
            notes.Add("batch emissions: EPCIS carries none, so the records state none (absent scopes count as 0); supply emissions through record_overrides");
            return EpcisEventDisposition.Converted;
        }

        private EpcisEventDisposition Transformation(EventInfo ev, List<string> notes)
        {
            var inputs = Items(ev, "inputEPCList", "inputQuantityList");
            var outputs = Items(ev, "outputEPCList", "outputQuantityList");
            if (outputs.Count == 0)
            {
                notes.Add("TransformationEvent without outputs: inputs consumed, nothing produced; no lineage to record");
                return EpcisEventDisposition.Skipped;
            }
            if (outputs.FirstOrDefault(o => inputs.Any(i => i.Id == o.Id)) is { } both)
                throw new NotConvertible(both.Path, $"{both.Id} is both an input and an output: a transformation's outputs are new batches (give the output its own lot or serial)");
            foreach (var output in outputs)
            {
                RequireNew(output);
                Emit(ev, RecordKind.Batch, output.Id, BatchRecord(ev, output, notes), notes);
            }
            if (inputs.Count == 0)
            {
                notes.Add("TransformationEvent without inputs: its outputs are declared as batches only (a transformation consumes at least one batch)");
                return EpcisEventDisposition.Converted;
            }

            var transformationId = TransformationId(ev, notes);
            var byMass = outputs.All(o => MeasureUnit.TryParse(o.Unit, out var unit) && unit.IsMass);
            var record = new JsonObject
            {
                ["recordType"] = "trace.transformation/v1",
                ["transformationId"] = transformationId,
            };
            if (Facility(ev, notes) is { } facility) record["facility"] = facility;
            if (Period(ev) is { } period) record["period"] = period;
            var inputArray = new JsonArray();
            foreach (var input in inputs)
            {
                var entry = new JsonObject { ["batchId"] = input.Id, ["quantity"] = new JsonObject { ["amount"] = input.Amount, ["unit"] = input.Unit } };
                if (_shippedToIssuer.TryGetValue(input.Id, out var shipment))
                {
                    entry["shipmentId"] = shipment;
                    notes.Add($"{input.Id}: drawn from shipment {shipment} of this document");
                }
                inputArray.Add(entry);
            }
            var outputArray = new JsonArray();
            foreach (var output in outputs)
            {
                var entry = new JsonObject { ["batchId"] = output.Id, ["quantity"] = new JsonObject { ["amount"] = output.Amount, ["unit"] = output.Unit } };
                if (!byMass) entry["economicValuePerUnit"] = "1";
                outputArray.Add(entry);
            }
            record["inputs"] = inputArray;
            record["outputs"] = outputArray;
            record["allocation"] = byMass ? "mass" : "economic";
            if (!byMass)
                notes.Add("outputs not all in mass units: allocation \"economic\" with economicValuePerUnit \"1\" on every output (shared by quantity); override with real values");
            Supersede(ev, record, notes);
            record["extensions"] = Extensions(ev);
            notes.Add("process emissions: EPCIS carries none, so the record states none (absent scopes count as 0); supply emissions through record_overrides");
            notes.Add("inputs without shipmentId must be the issuer's own batches; material received by shipment needs inputs[i].shipmentId (record_overrides)");
            Emit(ev, RecordKind.Transformation, transformationId, record, notes);
            return EpcisEventDisposition.Converted;
        }

        private string TransformationId(EventInfo ev, List<string> notes)
        {
            string id;
            if (ev.Element.TryGetProperty("transformationID", out var declared) && declared.ValueKind == JsonValueKind.String && IsLineageIdentifier(declared.GetString()!))
                id = declared.GetString()!;
            else if (ev.Id is { } eventId && IsLineageIdentifier(eventId))
                id = eventId;
            else
            {
                id = $"urn:trace:epcis:event:{Ni(ev.Hash)}";
                notes.Add($"transformationId {id}: from the event hash (the event has no transformationID or URN eventID)");
            }
            if (_transformationIds.TryGetValue(id, out var earlier))
                throw new NotConvertible(ev.Path + ".transformationID", $"{id} is also the transformation of event {earlier}: Trace records one transformation per id (merge the events into one)");
            _transformationIds[id] = ev.Index;
            return id;
        }

        private static bool IsLineageIdentifier(string id) =>
            id.StartsWith("urn:", StringComparison.Ordinal) || id.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || id.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

        private void RequireNew(Item item)
        {
            if (_declaredBatches.Contains(item.Id) || _records.Any(r => r.Kind == RecordKind.Batch && r.SubjectId == item.Id))
                throw new NotConvertible(item.Path, $"batch {item.Id} is already declared by an earlier event of this document");
        }

        private EpcisEventDisposition Shipping(EventInfo ev, List<string> notes)
        {
            var from = Party(ev, "sourceList", "source", notes);
            if (from is null) notes.Add("sender: the issuer (the shipping event names no known source party)");
            var to = Party(ev, "destinationList", "destination", notes) ?? _counterparty
                ?? throw new NotConvertible(ev.Path + ".destinationList", "names no possessing_party or owning_party known in parties, and no counterparty was given: the receiver is unknown");
            return Shipments(ev, from ?? _issuer, to, notes);
        }

        private EpcisEventDisposition Receiving(EventInfo ev, List<string> notes)
        {
            foreach (var transaction in BizTransactions(ev.Element))
            {
                if (!_shippedTransactions.TryGetValue(transaction, out var shipping)) continue;
                notes.Add($"confirms the shipping event {shipping} of this document (same bizTransaction {transaction}): the shipment is recorded once, from the shipping event");
                return EpcisEventDisposition.ConfirmsShipment;
            }
            var to = Party(ev, "destinationList", "destination", notes);
            if (to is null) notes.Add("receiver: the issuer (the receiving event names no known destination party)");
            var from = Party(ev, "sourceList", "source", notes) ?? _counterparty
                ?? throw new NotConvertible(ev.Path + ".sourceList", "names no possessing_party or owning_party known in parties, and no counterparty was given: the sender is unknown");
            notes.Add("a shipment record is signed by its sender or carrier (the node refuses one signed by the receiver)");
            return Shipments(ev, from, to ?? _issuer, notes);
        }

        private EpcisEventDisposition Shipments(EventInfo ev, string from, string to, List<string> notes)
        {
            if (string.Equals(from, to, StringComparison.OrdinalIgnoreCase))
                throw new NotConvertible(ev.Path + ".destinationList", $"sender and receiver are the same participant {from}: custody does not change");
            var items = Items(ev, "epcList", "quantityList");
            if (items.Count == 0) throw new NotConvertible(ev.Path + ".epcList", "the event names no EPC and no quantity to ship");
            for (var n = 0; n < items.Count; n++)
            {
                var item = items[n];
                var shipmentId = items.Count == 1 ? $"urn:trace:epcis:shipment:{Ni(ev.Hash)}" : $"urn:trace:epcis:shipment:{Ni(ev.Hash)}:{n}";
                var record = new JsonObject
                {
                    ["recordType"] = "trace.shipment/v1",
                    ["shipmentId"] = shipmentId,
                    ["batchId"] = item.Id,
                    ["quantity"] = new JsonObject { ["amount"] = item.Amount, ["unit"] = item.Unit },
                    ["from"] = new JsonObject { ["participant"] = from },
                    ["to"] = new JsonObject { ["participant"] = to },
                };
                if (items.Count == 1) Supersede(ev, record, notes);
                record["extensions"] = Extensions(ev);
                if (string.Equals(to, _issuer, StringComparison.OrdinalIgnoreCase)) _shippedToIssuer[item.Id] = shipmentId;
                Emit(ev, RecordKind.Shipment, shipmentId, record, notes);
            }
            notes.Add("no transport legs: the shipment's transport is reported as not reported (add legs through record_overrides)");
            return EpcisEventDisposition.Converted;
        }

        /// <summary>The participant of a source or destination list: its possessing party, else its owning party, when known in parties.</summary>
        private string? Party(EventInfo ev, string list, string member, List<string> notes)
        {
            if (!ev.Element.TryGetProperty(list, out var entries) || entries.ValueKind != JsonValueKind.Array) return null;
            foreach (var wanted in (string[])["possessing_party", "owning_party"])
            {
                foreach (var entry in entries.EnumerateArray())
                {
                    if (!entry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || Vocabulary(type.GetString()!) != wanted) continue;
                    if (!entry.TryGetProperty(member, out var id) || id.ValueKind != JsonValueKind.String) continue;
                    var text = id.GetString()!;
                    if (_partiesById.TryGetValue(text, out var address)) return address;
                    if (EpcisGln.TryParse(text, out var gln) && _partiesByGln.TryGetValue(gln, out address)) return address;
                    notes.Add($"{list}: {wanted} {text} is not in parties");
                }
            }
            return null;
        }
    }
}
