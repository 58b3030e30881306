using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Spectre.Console;
using Trace.Client;
using Trace.Client.Claims;
using Trace.Client.Keys;
using Trace.Crypto;

namespace Trace.Cli.Cli;

/// <summary>
/// What a running command shares: the parsed global options, the console (human output) or JSON writer, the node
/// connection and the signing key, opened on first use and closed at the end.
/// </summary>
internal sealed class Session(ParseResult parse) : IAsyncDisposable
{
    private static readonly JsonFormatter Protobuf = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private TraceClient? _client;
    private EthereumKey? _key;

    public ParseResult Parse { get; } = parse;

    /// <summary>True with --json: only JSON on standard output.</summary>
    public bool Json { get; } = parse.GetValue(GlobalOptions.Json);

    /// <summary>Human output (tables, trees, progress); wide enough not to wrap ids when redirected.</summary>
    public IAnsiConsole Console { get; } = CreateConsole();

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T? Value<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>The node address (--node / TRACE_NODE).</summary>
    public Uri NodeUrl
    {
        get
        {
            var text = Parse.GetValue(GlobalOptions.Node) ?? GlobalOptions.DefaultNode;
            return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? url : throw CliException.BadInput($"--node: '{text}' is not an http(s) URL");
        }
    }

    /// <summary>The node, connected on first use (its chain id and registry read).</summary>
    public async Task<TraceClient> ClientAsync(CancellationToken ct) => _client ??= await TraceClient.ConnectAsync(NodeUrl, ct);

    /// <summary>The signing key (--key / TRACE_KEY), unlocked with TRACE_KEY_PASSWORD or a prompt.</summary>
    public EthereumKey Key()
    {
        if (_key is not null) return _key;
        var name = Parse.GetValue(GlobalOptions.Key);
        if (name is not null && IsPrivateKey(name))
        {
            // A hex key is a secret: accepted from TRACE_KEY (as `trace route` documents), never from the command line.
            if (Parse.GetResult(GlobalOptions.Key) is { Implicit: false })
                throw CliException.BadInput("--key: never put a private key on the command line (other users can read it); set TRACE_KEY, or store it with `trace keys import`");
            return _key = EthereumKey.FromHex(name.Trim());
        }
        if (name is not null && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(name))
            return _key = KeyStoreDirectory.UnlockFile(name, Passwords.Read("TRACE_KEY_PASSWORD", $"Password of {name}:"));
        var entry = KeyStoreDirectory.Default().Find(name);
        return _key = KeyStoreDirectory.Unlock(entry, Passwords.Read("TRACE_KEY_PASSWORD", $"Password of key '{entry.Name}' ({entry.Address}):"));
    }

    private static bool IsPrivateKey(string text)
    {
        var hex = text.Trim();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex[2..];
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit);
    }

    /// <summary>A claim signer of the key for the node's deployment; the client signs in as the key.</summary>
    public async Task<(TraceClient Client, ClaimSigner Signer)> SignerAsync(CancellationToken ct)
    {
        var key = Key();
        var client = await ClientAsync(ct);
        return (client, client.SignerFor(key));
    }

    /// <summary>The client signed in as the key for every call (admin and role-restricted reads).</summary>
    public async Task<TraceClient> SignedInClientAsync(CancellationToken ct) => (await SignerAsync(ct)).Client;

    /// <summary>A protobuf message as JSON (proto3 JSON mapping, default values included).</summary>
    public static JsonNode ToJson(IMessage message) => JsonNode.Parse(Protobuf.Format(message))!;

    /// <summary>Writes <paramref name="node"/> to standard output, indented.</summary>
    public static void WriteJson(JsonNode? node) => System.Console.Out.WriteLine(node?.ToJsonString(Indented) ?? "null");

    /// <summary>Writes a line of human output (Spectre markup), unless --json.</summary>
    public void Say(string markup)
    {
        if (!Json) Console.MarkupLine(markup);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _key?.Dispose();
        await Task.CompletedTask;
    }

    private static IAnsiConsole CreateConsole()
    {
        // Redirected output (a pipe, a file, a test) gets plain text: no colours, no cursor movement.
        var plain = System.Console.IsOutputRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(new Ui.ColonWriter(System.Console.Out)),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (System.Console.IsOutputRedirected) console.Profile.Width = 200;
        return console;
    }
}
