using Trace.Client.Standards.Epcis.EventHash;

namespace Trace.Client.Standards.Epcis;

/// <summary>The records converted from an EPCIS document, in submission order, and the outcome of every event.</summary>
public sealed record EpcisConversion(IReadOnlyList<EpcisConvertedRecord> Records, IReadOnlyList<EpcisEventResult> Events)
{
    /// <summary>How <see cref="EpcisEventResult.EventHash"/> is computed (kept in each record's extensions.epcis).</summary>
    public const string EventHashAlgorithm = EpcisEventHashId.Algorithm;
}
