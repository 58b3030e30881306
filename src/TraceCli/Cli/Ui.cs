using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Trace.Cli.Cli;

/// <summary>
/// Data in human output: Spectre parses "[...]" as styles and ":name:" as emoji, and Markup.Escape only escapes the
/// brackets (spectre.console#408), so "urn:trace:customs:…" would print a customs emoji. Data goes through
/// <see cref="Safe"/>, which also hides its colons behind a private-use character that <see cref="ColonWriter"/> turns back.
/// </summary>
internal static class Ui
{
    public const char Colon = '\uE03A';

    /// <summary>A value shown as is: brackets escaped, colons hidden from emoji parsing.</summary>
    public static string Safe(string? value) => Markup.Escape(value ?? "").Replace(':', Colon);

    /// <summary>Markup whose interpolated values are data (<see cref="Safe"/>).</summary>
    public static string Format(FormattableString markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        return markup.ToString(SafeFormatter.Instance);
    }

    private sealed class SafeFormatter : IFormatProvider, ICustomFormatter
    {
        public static readonly SafeFormatter Instance = new();

        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : null;

        public string Format(string? format, object? arg, IFormatProvider? formatProvider) =>
            Safe(arg is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : arg?.ToString());
    }

    /// <summary>The console's writer: restores the colons <see cref="Safe"/> hid.</summary>
    public sealed class ColonWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(value == Colon ? ':' : value);

        public override void Write(string? value) => inner.Write(value?.Replace(Colon, ':'));

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => inner.WriteLine(value?.Replace(Colon, ':'));

        public override void Flush() => inner.Flush();
    }
}
