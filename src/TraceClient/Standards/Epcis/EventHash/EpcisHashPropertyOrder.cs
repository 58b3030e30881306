namespace Trace.Client.Standards.Epcis.EventHash;

/// <summary>
/// The canonical property order of the GS1 EPCIS event hash (CBV 2.0 §8.9), the same for every event type: the pre-hash
/// string writes these members in this order, whatever order the JSON has, then the remaining members (ILMD, user
/// extensions, extensions nested in standard members) sorted.
/// </summary>
public static class EpcisHashPropertyOrder
{
    /// <summary>Event members the hash leaves out: identifiers and record-keeping that are not the event's content.</summary>
    /// <remarks>
    /// <c>eventID</c> (it may be the hash itself), <c>recordTime</c> (set by the repository), <c>errorDeclaration</c> (a later
    /// correction of the same event), <c>certificationInfo</c> and comments, as the reference implementation does.
    /// </remarks>
    public static IReadOnlySet<string> Excluded { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "type", "eventID", "recordTime", "errorDeclaration", "certificationInfo", "rdfs:comment", "comment",
    };

    /// <summary>The IRI of rdfs:comment, excluded under any prefix.</summary>
    public const string CommentIri = "http://www.w3.org/2000/01/rdf-schema#comment";

    private static EpcisHashProperty Value(string name, EpcisVocabularyKind vocabulary = EpcisVocabularyKind.None) =>
        new(name, EpcisHashShape.Value, Vocabulary: vocabulary);

    private static EpcisHashProperty Time(string name) => new(name, EpcisHashShape.Value, IsTime: true);

    private static EpcisHashProperty Object(string name, params EpcisHashProperty[] children) =>
        new(name, EpcisHashShape.Object, Children: children);

    private static EpcisHashProperty List(string name, EpcisHashProperty element, bool omitName = false) =>
        new(name, EpcisHashShape.List, Element: element, OmitName: omitName);

    private static EpcisHashProperty EpcList(string name) => List(name, Value("epc"));

    private static EpcisHashProperty QuantityList(string name) =>
        List(name, Object("quantityElement", Value("epcClass"), Value("quantity"), Value("uom")));

    private static EpcisHashProperty PartyList(string name, string member) =>
        List(name, Object("", Value("type", EpcisVocabularyKind.SourceDestinationType), Value(member)));

    /// <summary>The event's members in canonical order (after <c>eventType</c>).</summary>
    public static IReadOnlyList<EpcisHashProperty> Event { get; } =
    [
        Time("eventTime"),
        Value("eventTimeZoneOffset"),
        EpcList("epcList"),
        Value("parentID"),
        EpcList("inputEPCList"),
        EpcList("childEPCs"),
        QuantityList("quantityList"),
        QuantityList("childQuantityList"),
        QuantityList("inputQuantityList"),
        EpcList("outputEPCList"),
        QuantityList("outputQuantityList"),
        Value("action"),
        Value("transformationID"),
        Value("bizStep", EpcisVocabularyKind.BizStep),
        Value("disposition", EpcisVocabularyKind.Disposition),
        Object("persistentDisposition",
            Value("set", EpcisVocabularyKind.Disposition),
            Value("unset", EpcisVocabularyKind.Disposition)),
        Object("readPoint", Value("id")),
        Object("bizLocation", Value("id")),
        List("bizTransactionList", Object("",
            Value("type", EpcisVocabularyKind.BizTransactionType),
            Value("bizTransaction"))),
        PartyList("sourceList", "source"),
        PartyList("destinationList", "destination"),
        List("sensorElementList", Object("sensorElement",
            Object("sensorMetadata",
                Time("time"),
                Time("startTime"),
                Time("endTime"),
                Value("deviceID"),
                Value("deviceMetadata"),
                Value("rawData"),
                Value("dataProcessingMethod"),
                Value("bizRules")),
            Object("sensorReport",
                Value("type", EpcisVocabularyKind.Gs1Voc),
                Value("exception", EpcisVocabularyKind.Gs1Voc),
                Value("deviceID"),
                Value("deviceMetadata"),
                Value("rawData"),
                Value("dataProcessingMethod"),
                Time("time"),
                Value("microorganism"),
                Value("chemicalSubstance"),
                Value("value"),
                Value("component", EpcisVocabularyKind.Component),
                Value("stringValue"),
                Value("booleanValue"),
                Value("hexBinaryValue"),
                Value("uriValue"),
                Value("minValue"),
                Value("maxValue"),
                Value("meanValue"),
                Value("sDev"),
                Value("percRank"),
                Value("percValue"),
                Value("uom"),
                Value("coordinateReferenceSystem"))),
            omitName: true),
    ];
}
