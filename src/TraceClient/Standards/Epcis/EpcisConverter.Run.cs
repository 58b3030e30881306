using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Client.Standards.Epcis.EventHash;
using Trace.Domain.Identifiers;
using Trace.Domain.Lineage;
using Trace.Protos.V1;

namespace Trace.Client.Standards.Epcis;

public static partial class EpcisConverter
{
    /// <summary>One conversion: the options checked once, the events read in two passes.</summary>
    private sealed partial class Run
    {
        private readonly JsonElement _document;
        private readonly EpcisConversionOptions _options;
        private readonly string _issuer;
        private readonly string? _counterparty;
        private readonly Dictionary<string, string> _partiesById = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _partiesByGln = new(StringComparer.Ordinal);
        private readonly Dictionary<string, JsonObject> _overrides = new(StringComparer.Ordinal);
        private readonly List<EpcisConvertedRecord> _records = [];
        private readonly List<EpcisEventResult> _outcomes = [];
        // eventID of a corrective event -> eventID of the event it corrects (from the error declarations of this call).
        private readonly Dictionary<string, string> _corrects = new(StringComparer.Ordinal);
        // bizTransactions ("type value") of the shipping events of this call, to the index of the event.
        private readonly Dictionary<string, int> _shippedTransactions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _transformationIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _declaredBatches = new(StringComparer.Ordinal);

        public Run(JsonElement document, EpcisConversionOptions options)
        {
            _document = document;
            _options = options;
            _issuer = Address("issuer", options.Issuer);
            _counterparty = string.IsNullOrEmpty(options.Counterparty) ? null : Address("counterparty", options.Counterparty);
            foreach (var (id, address) in options.Parties)
            {
                var checksummed = Address($"parties[{id}]", address);
                _partiesById[id] = checksummed;
                if (EpcisGln.TryParse(id, out var gln)) _partiesByGln[gln] = checksummed;
            }
            foreach (var (subject, json) in options.RecordOverrides)
            {
                JsonNode? node;
                try { node = JsonNode.Parse(json); }
                catch (JsonException ex) { throw new EpcisConversionException($"record_overrides[{subject}]", $"not JSON: {ex.Message}"); }
                _overrides[subject] = node as JsonObject ?? throw new EpcisConversionException($"record_overrides[{subject}]", "must be a JSON object (a JSON Merge Patch of the record)");
            }
        }

        public EpcisConversion Convert()
        {
            var events = ReadEvents();
            foreach (var ev in events) Prepare(ev);
            foreach (var ev in events) ConvertEvent(ev);
            var unused = _overrides.Keys.Where(subject => !_records.Any(r => r.SubjectId == subject)).ToList();
            if (unused.Count > 0)
                throw new EpcisConversionException($"record_overrides[{unused[0]}]", "no record converted from this document has this subject id");
            return new EpcisConversion(_records, _outcomes);
        }

        private List<EventInfo> ReadEvents()
        {
            if (_document.ValueKind != JsonValueKind.Object) throw new EpcisConversionException("", "an EPCIS document is a JSON object");
            if (!_document.TryGetProperty("epcisBody", out var body) || body.ValueKind != JsonValueKind.Object)
                throw new EpcisConversionException("epcisBody", "is required (an EPCISDocument or EPCISQueryDocument)");
            JsonElement list;
            string path;
            if (body.TryGetProperty("eventList", out list)) path = "epcisBody.eventList";
            else if (body.TryGetProperty("queryResults", out var results) && results.TryGetProperty("resultsBody", out var resultsBody)
                     && resultsBody.TryGetProperty("eventList", out list)) path = "epcisBody.queryResults.resultsBody.eventList";
            else throw new EpcisConversionException("epcisBody.eventList", "is required");
            if (list.ValueKind != JsonValueKind.Array) throw new EpcisConversionException(path, "must be an array of events");
            var events = new List<EventInfo>();
            var context = EpcisJsonLdContext.Of(_document);
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var eventPath = $"{path}[{index}]";
                if (element.ValueKind != JsonValueKind.Object) throw new EpcisConversionException(eventPath, "an event is a JSON object");
                var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
                var id = element.TryGetProperty("eventID", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                events.Add(new EventInfo(index, element, eventPath, id, type, EpcisEventHashId.Of(element, context), EpcisCanonicalJsonHash.Of(element)));
                index++;
            }
            return events;
        }

        /// <summary>First pass: error declarations and the business transactions of shipping events.</summary>
        private void Prepare(EventInfo ev)
        {
            if (ev.Element.TryGetProperty("errorDeclaration", out var declaration))
            {
                if (ev.Id is { } erroneous && declaration.TryGetProperty("correctiveEventIDs", out var corrective) && corrective.ValueKind == JsonValueKind.Array)
                    foreach (var id in corrective.EnumerateArray())
                        if (id.ValueKind == JsonValueKind.String) _corrects[id.GetString()!] = erroneous;
                return;
            }
            if (ev.Type == "ObjectEvent" && ev.BizStep == "shipping")
                foreach (var transaction in BizTransactions(ev.Element))
                    _shippedTransactions.TryAdd(transaction, ev.Index);
        }

        private void ConvertEvent(EventInfo ev)
        {
            var notes = new List<string>();
            var firstRecord = _records.Count;
            EpcisEventDisposition disposition;
            try
            {
                disposition = Map(ev, notes);
            }
            catch (NotConvertible ex)
            {
                _records.RemoveRange(firstRecord, _records.Count - firstRecord);
                notes.Add($"{ex.Path}: {ex.Message}");
                disposition = EpcisEventDisposition.NotConverted;
            }
            var subjects = _records.Skip(firstRecord).Select(r => r.SubjectId).ToList();
            foreach (var subject in subjects) _declaredBatches.Add(subject);
            _outcomes.Add(new EpcisEventResult(ev.Index, ev.Id, ev.Type, ev.Hash, disposition, subjects, notes,
                ev.Id is null ? null : EpcisEventHashId.Matches(ev.Id, ev.Hash)));
        }

        private EpcisEventDisposition Map(EventInfo ev, List<string> notes)
        {
            if (ev.Element.TryGetProperty("errorDeclaration", out var declaration)) return ErrorDeclaration(ev, declaration, notes);
            switch (ev.Type)
            {
                case "TransformationEvent":
                    return Transformation(ev, notes);
                case "ObjectEvent" when ev.BizStep == "commissioning":
                    return Commissioning(ev, notes);
                case "ObjectEvent" when ev.BizStep == "shipping":
                    return Shipping(ev, notes);
                case "ObjectEvent" when ev.BizStep == "receiving":
                    return Receiving(ev, notes);
                case "ObjectEvent":
                    notes.Add($"ObjectEvent with bizStep \"{ev.BizStep ?? "(none)"}\": neither commissioning, shipping nor receiving, so no product, quantity or custody changes; nothing to record"
                        + (ev.Element.TryGetProperty("sensorElementList", out _) ? " (sensor readings stay in the EPCIS repository)" : ""));
                    return EpcisEventDisposition.Skipped;
                case "AggregationEvent":
                    notes.Add("AggregationEvent: packing children into a parent (or unpacking) changes neither product, quantity nor custody; nothing to record");
                    return EpcisEventDisposition.Skipped;
                case "AssociationEvent":
                    notes.Add("AssociationEvent: attaching assets (sensors, returnable items) to objects is not lineage; nothing to record");
                    return EpcisEventDisposition.Skipped;
                case "TransactionEvent":
                    notes.Add("TransactionEvent: linking objects to a business transaction is not lineage; nothing to record");
                    return EpcisEventDisposition.Skipped;
                default:
                    notes.Add($"event type \"{ev.Type}\" is not one Trace maps; nothing to record");
                    return EpcisEventDisposition.Skipped;
            }
        }

        private EpcisEventDisposition ErrorDeclaration(EventInfo ev, JsonElement declaration, List<string> notes)
        {
            var reason = declaration.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? Vocabulary(r.GetString()!) : "unstated";
            var corrective = declaration.TryGetProperty("correctiveEventIDs", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            notes.Add($"error declaration (reason \"{reason}\") for event {ev.Id ?? "(no eventID)"}: produces no record");
            if (ev.Id is null || !_options.KnownEventRecords.TryGetValue(ev.Id, out var recordId))
                notes.Add("the erroneous event's record id was not supplied (known_event_records): nothing to correct in Trace");
            else if (corrective.Count == 0)
                notes.Add($"no corrective event: revoke record {recordId} (EvidenceService.RevokeRecord) to withdraw it");
            else
                notes.Add($"record {recordId} is superseded by the record converted from corrective event {string.Join(", ", corrective)}; relay the supersession on chain (RevokeRecord superseded_by) once it is accepted");
            return EpcisEventDisposition.ErrorDeclaration;
        }

        /// <summary>The EPCs (one piece each) and EPC classes with quantities of an event's list pair.</summary>
        private static List<Item> Items(EventInfo ev, string epcList, string quantityList)
        {
            var items = new List<Item>();
            if (ev.Element.TryGetProperty(epcList, out var epcs) && epcs.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var epc in epcs.EnumerateArray())
                {
                    if (epc.ValueKind == JsonValueKind.String) items.Add(new Item(epc.GetString()!, "1", MeasureUnit.Piece.Code, $"{ev.Path}.{epcList}[{i}]"));
                    i++;
                }
            }
            if (ev.Element.TryGetProperty(quantityList, out var quantities) && quantities.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var element in quantities.EnumerateArray())
                {
                    var path = $"{ev.Path}.{quantityList}[{i}]";
                    var epcClass = element.TryGetProperty("epcClass", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : throw new NotConvertible(path + ".epcClass", "is required");
                    var amount = element.TryGetProperty("quantity", out var q) ? Quantity(q, path + ".quantity") : throw new NotConvertible(path + ".quantity", "is required for a lineage quantity");
                    var unit = MeasureUnit.Piece.Code;
                    if (element.TryGetProperty("uom", out var u))
                    {
                        if (u.ValueKind != JsonValueKind.String || !MeasureUnit.TryParse(u.GetString(), out var parsed))
                            throw new NotConvertible(path + ".uom", $"unit {u} is not one Trace supports ({string.Join(", ", MeasureUnit.All.Select(m => m.Code))})");
                        unit = parsed.Code;
                    }
                    items.Add(new Item(epcClass, amount, unit, path + ".epcClass"));
                    i++;
                }
            }
            var duplicate = items.GroupBy(item => item.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new NotConvertible(duplicate.Last().Path, $"{duplicate.Key} is listed twice in this event");
            return items;
        }

        private static string Quantity(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.Number || !decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
                throw new NotConvertible(path, $"{value.GetRawText()} is not a decimal quantity");
            if (amount <= 0) throw new NotConvertible(path, $"{value.GetRawText()}: a lineage quantity is greater than 0");
            return Plain(amount);
        }

        private static IEnumerable<string> BizTransactions(JsonElement element)
        {
            if (!element.TryGetProperty("bizTransactionList", out var list) || list.ValueKind != JsonValueKind.Array) yield break;
            foreach (var transaction in list.EnumerateArray())
            {
                if (!transaction.TryGetProperty("bizTransaction", out var value) || value.ValueKind != JsonValueKind.String) continue;
                var type = transaction.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? Vocabulary(t.GetString()!) : "";
                yield return $"{type} {value.GetString()}";
            }
        }

        /// <summary>
        /// The record's extensions: the EPCIS event as received (unknown fields included), its id, its GS1 event hash ID and
        /// whether the id is that hash, the canonical-JSON hash of the event as received, the document's @context.
        /// </summary>
        private JsonObject Extensions(EventInfo ev)
        {
            var epcis = new JsonObject
            {
                ["eventID"] = ev.Id,
                ["eventHash"] = ev.Hash,
                ["eventHashAlgorithm"] = EpcisEventHashId.Algorithm,
            };
            if (ev.Id is not null) epcis["eventIdMatchesHash"] = EpcisEventHashId.Matches(ev.Id, ev.Hash);
            epcis["canonicalJsonHash"] = ev.CanonicalJsonHash;
            epcis["canonicalJsonHashAlgorithm"] = EpcisCanonicalJsonHash.Algorithm;
            epcis["event"] = JsonNode.Parse(ev.Element.GetRawText());
            if (_document.TryGetProperty("@context", out var context)) epcis["context"] = JsonNode.Parse(context.GetRawText());
            return new JsonObject { ["epcis"] = epcis };
        }

        private void Emit(EventInfo ev, RecordKind kind, string subject, JsonObject record, List<string> notes)
        {
            if (_overrides.TryGetValue(subject, out var patch))
            {
                MergePatch(record, patch);
                notes.Add($"{subject}: record_overrides applied ({string.Join(", ", patch.Select(p => p.Key))})");
            }
            _records.Add(new EpcisConvertedRecord(ev.Index, ev.Id, ev.Hash, kind, subject, Json(record)));
        }

        /// <summary>The facility of an event: the GLN of its bizLocation, else of its readPoint.</summary>
        private static JsonObject? Facility(EventInfo ev, List<string> notes)
        {
            foreach (var member in (string[])["bizLocation", "readPoint"])
            {
                if (!ev.Element.TryGetProperty(member, out var location) || !location.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String) continue;
                if (EpcisGln.TryParse(id.GetString(), out var gln)) return new JsonObject { ["gln"] = gln };
                notes.Add($"{ev.Path}.{member}.id: {id.GetString()} carries no GLN; facility left out");
                return null;
            }
            return null;
        }

        private static JsonObject? Period(EventInfo ev) =>
            ev.Element.TryGetProperty("eventTime", out var time) && time.ValueKind == JsonValueKind.String
                ? new JsonObject { ["start"] = time.GetString(), ["end"] = time.GetString() }
                : null;

        /// <summary>A batch record for an EPC or EPC class produced by this event (commissioning, or a transformation's output).</summary>
        private JsonObject BatchRecord(EventInfo ev, Item item, List<string> notes)
        {
            var product = new JsonObject();
            string? gtin = null;
            if (EpcUrn.TryParse(item.Id, out var epc, out _)) gtin = epc.Gtin.Value;
            if (_options.ProductNames.TryGetValue(item.Id, out var name) || (gtin is not null && _options.ProductNames.TryGetValue(gtin, out name)))
                product["name"] = name;
            else
            {
                product["name"] = gtin is not null ? $"GTIN {gtin}" : item.Id;
                notes.Add($"{item.Id}: product.name \"{product["name"]}\" (EPCIS events carry no product master data; supply product_names)");
            }
            if (gtin is not null) product["gtin"] = gtin;
            var record = new JsonObject
            {
                ["recordType"] = "trace.batch/v1",
                ["batchId"] = item.Id,
                ["product"] = product,
                ["quantity"] = new JsonObject { ["amount"] = item.Amount, ["unit"] = item.Unit },
            };
            if (Facility(ev, notes) is { } facility) record["facility"] = facility;
            if (Period(ev) is { } period) record["productionPeriod"] = period;
            record["extensions"] = Extensions(ev);
            return record;
        }

        /// <summary>The record id a corrective event's main record supersedes, when this call declared its predecessor in error.</summary>
        private void Supersede(EventInfo ev, JsonObject record, List<string> notes)
        {
            if (ev.Id is null || !_corrects.TryGetValue(ev.Id, out var erroneous)) return;
            if (_options.KnownEventRecords.TryGetValue(erroneous, out var recordId))
            {
                record["supersedes"] = recordId.ToLowerInvariant();
                notes.Add($"corrects event {erroneous}: supersedes its record {recordId}");
            }
            else notes.Add($"corrects event {erroneous}, whose record id was not supplied (known_event_records): no supersedes");
        }
    }
}
