using Trace.Protos.V1;

namespace Trace.Cli.Cli;

/// <summary>Record kinds, statuses and roles as people write them on the command line ("batch", "energy-reading", "supplier").</summary>
internal static class Names
{
    /// <summary>A kind by name (kebab-case of the enum, e.g. customs-environmental-certificate) or number.</summary>
    public static RecordKind Kind(string text) => Parse<RecordKind>(text, "--kind");

    public static RecordStatus Status(string text) => Parse<RecordStatus>(text, "--status");

    public static ParticipantRole Role(string text) => Parse<ParticipantRole>(text, "--role");

    /// <summary>"RECORD_KIND_ENERGY_READING" style enum value as "energy-reading".</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>"energy reading": for sentences.</summary>
    public static string Words<T>(T value) where T : struct, Enum => Of(value).Replace('-', ' ');

    private static T Parse<T>(string text, string option) where T : struct, Enum
    {
        var normal = text.Trim().Replace("-", "").Replace("_", "");
        if (int.TryParse(normal, out var number) && Enum.IsDefined(typeof(T), number) && number != 0) return (T)(object)number;
        foreach (var value in Enum.GetValues<T>())
            if (Convert.ToInt32(value) != 0 && string.Equals(value.ToString(), normal, StringComparison.OrdinalIgnoreCase)) return value;
        throw CliException.BadInput($"{option}: '{text}' is none of {string.Join(", ", Enum.GetValues<T>().Where(v => Convert.ToInt32(v) != 0).Select(Of))}");
    }
}
