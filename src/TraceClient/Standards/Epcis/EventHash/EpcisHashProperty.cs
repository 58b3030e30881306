namespace Trace.Client.Standards.Epcis.EventHash;

/// <summary>How a standard EPCIS member is laid out in JSON, and so how the pre-hash string walks it.</summary>
public enum EpcisHashShape
{
    /// <summary>A value (or an array of values, each written with the member's name).</summary>
    Value,
    /// <summary>An object whose members follow their own canonical order (or an array of such objects).</summary>
    Object,
    /// <summary>A list wrapper (<c>epcList</c>, <c>quantityList</c> …): an array of elements, sorted, after the list's name.</summary>
    List,
}

/// <summary>
/// One standard member in the canonical property order of the GS1 event hash: its name, its shape, how its value is
/// normalised, and for objects and lists the order of what they hold.
/// </summary>
/// <param name="Name">The member name (a list element's name as the pre-hash string writes it, empty for the unnamed
/// elements of bizTransactionList, sourceList and destinationList).</param>
/// <param name="Shape">Value, object or list.</param>
/// <param name="IsTime">A timestamp: written in UTC with milliseconds instead of the value normalisations.</param>
/// <param name="Vocabulary">The vocabulary a bare term is expanded in.</param>
/// <param name="Children">An object's members in order.</param>
/// <param name="Element">A list's element.</param>
/// <param name="OmitName">A list written without its own name (CBV 2.0 leaves out <c>sensorElementList</c>).</param>
public sealed record EpcisHashProperty(
    string Name,
    EpcisHashShape Shape,
    bool IsTime = false,
    EpcisVocabularyKind Vocabulary = EpcisVocabularyKind.None,
    IReadOnlyList<EpcisHashProperty>? Children = null,
    EpcisHashProperty? Element = null,
    bool OmitName = false)
{
    /// <summary>The child named <paramref name="name"/>, or null.</summary>
    public EpcisHashProperty? Child(string name) => Children?.FirstOrDefault(c => c.Name == name);
}
