namespace Trace.Node.Participants;

/// <summary>No participant has the id or key asked for; <see cref="Field"/> names the request field.</summary>
public sealed class ParticipantNotFoundException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
