namespace Trace.Domain;

/// <summary>A request field is missing or wrong; <see cref="Field"/> names it as the client sent it (proto field path).</summary>
public sealed class InvalidFieldException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
    public string Reason { get; } = message;
}
