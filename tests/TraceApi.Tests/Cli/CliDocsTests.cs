using System.Text.RegularExpressions;
using Trace.Api.Tests.Support;

namespace Trace.Api.Tests.Cli;

/// <summary>docs/cli.md documents every command and every option the built <c>trace</c> binary has (read from its --help).</summary>
public sealed partial class CliDocsTests
{
    [Fact]
    public async Task Every_command_and_option_of_the_binary_is_in_docs_cli_md()
    {
        var docs = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "cli.md"));
        var cli = new TraceCliProcess(Path.Combine(Path.GetTempPath(), "trace-cli-docs-unused"), node: null);
        var missing = new List<string>();
        var pending = new Queue<string[]>([[]]);
        while (pending.TryDequeue(out var path))
        {
            var help = (await cli.RunAsync([.. path, "--help"])).Exits(0).Output;
            var (commands, options) = Parse(help);
            var name = string.Join(' ', path.Prepend("trace"));
            if (path.Length > 0 && !docs.Contains(name, StringComparison.Ordinal)) missing.Add(name);
            missing.AddRange(options.Where(o => o is not ("--help" or "--version") && !Regex.IsMatch(docs, $@"(?<![A-Za-z0-9-]){Regex.Escape(o)}(?![a-z-])"))
                .Select(o => $"{name} {o}"));
            foreach (var command in commands) pending.Enqueue([.. path, command]);
        }
        Assert.Empty(missing);
    }

    private static (List<string> Commands, List<string> Options) Parse(string help)
    {
        var commands = new List<string>();
        var options = new List<string>();
        string? section = null;
        foreach (var line in help.Split('\n'))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0])) { section = line.TrimEnd(); continue; }
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            if (section == "Commands:") commands.Add(trimmed.Split(' ')[0]);
            if (section == "Options:") options.AddRange(LongOption().Matches(trimmed.Split("  ")[0]).Select(m => m.Value));
        }
        return (commands, options);
    }

    [GeneratedRegex(@"--[a-z][a-z-]*")]
    private static partial Regex LongOption();
}
