namespace Trace.Client.Standards.Epcis.EventHash;

/// <summary>
/// The normalisations every value of the GS1 event hash goes through, in the reference implementation's order: CBV URNs
/// and CURIEs to web URIs, numbers without trailing zeros, GS1 keys (EPC URIs, Digital Link on any domain) to canonical
/// GS1 Digital Link.
/// </summary>
public static class EpcisValue
{
    /// <summary>The canonical form of a trimmed value.</summary>
    public static string Canonical(string text)
    {
        var vocabulary = EpcisVocabulary.Generic(text);
        var number = EpcisNumber.TryNormalise(vocabulary) ?? vocabulary;
        return EpcisDigitalLink.TryCanonicalise(number) ?? number;
    }
}
