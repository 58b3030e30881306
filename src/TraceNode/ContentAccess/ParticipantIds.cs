using Trace.Node.Access;

namespace Trace.Node.ContentAccess;

/// <summary>Participant ids of grant requests, in the one directory form grants are stored and compared in.</summary>
internal static class ParticipantIds
{
    /// <summary>The directory form of <paramref name="text"/> (either form accepted); the error names <paramref name="field"/>.</summary>
    /// <exception cref="Domain.InvalidFieldException">neither form.</exception>
    public static string Normalise(string? text, string field)
    {
        try
        {
            return ParticipantIdText.Format(ParticipantIdText.Parse(text?.Trim() ?? ""));
        }
        catch (FormatException e)
        {
            throw new Domain.InvalidFieldException(field, e.Message);
        }
    }
}
