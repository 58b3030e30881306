namespace Trace.Node.Limits;

/// <summary>A participant passed its submission rate or storage quota; answered as <c>RESOURCE_EXHAUSTED</c>.</summary>
public sealed class SubmissionLimitExceededException(string setting, string message) : Exception(message)
{
    /// <summary>The setting of the limit that was reached (e.g. <c>Trace:Limits:RecordsPerSecond</c>).</summary>
    public string Setting { get; } = setting;
}
