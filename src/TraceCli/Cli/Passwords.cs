using Spectre.Console;

namespace Trace.Cli.Cli;

/// <summary>Passwords come from an environment variable or a prompt, never from the command line (argv is visible to other users).</summary>
internal static class Passwords
{
    /// <summary>The password in <paramref name="variable"/>, else asked on the terminal (twice when <paramref name="confirm"/>).</summary>
    public static string Read(string variable, string prompt, bool confirm = false)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment) return fromEnvironment;
        if (Console.IsInputRedirected)
            throw CliException.BadInput($"a password is needed: set {variable} (no terminal to ask on)");
        var password = AnsiConsole.Prompt(new TextPrompt<string>(prompt).Secret());
        if (confirm && AnsiConsole.Prompt(new TextPrompt<string>("Repeat it:").Secret()) != password)
            throw CliException.BadInput("the two passwords differ");
        return password;
    }
}
