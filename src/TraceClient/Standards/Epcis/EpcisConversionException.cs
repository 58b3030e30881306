namespace Trace.Client.Standards.Epcis;

/// <summary>The EPCIS document cannot be converted at all; <see cref="Path"/> names the offending member (e.g. "epcisBody.eventList").</summary>
public sealed class EpcisConversionException(string path, string reason) : Exception($"{path}: {reason}")
{
    /// <summary>The member path in the document, members joined by '.', array indexes in brackets.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong.</summary>
    public string Reason { get; } = reason;
}
