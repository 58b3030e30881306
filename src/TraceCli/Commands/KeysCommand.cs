using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Trace.Cli.Cli;
using Trace.Client.Keys;
using Trace.Crypto;

namespace Trace.Cli.Commands;

/// <summary><c>trace keys new|import|list</c>: signing keys kept encrypted (keystore v3) in $TRACE_HOME/keys.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var folder = KeyStoreDirectory.Default;

        var name = new Argument<string>("name") { Description = "Name of the key (file NAME.json in the keystore folder)" };
        var light = new Option<bool>("--light") { Description = "Cheap scrypt parameters (tests and demos only; a stolen file is then easy to brute-force)" };
        var create = new Command("new", "Generate a key; its password comes from TRACE_KEY_PASSWORD or a prompt") { name, light };
        Run.Action(create, (s, ct) =>
        {
            var password = Passwords.Read("TRACE_KEY_PASSWORD", "Password for the new key:", confirm: true);
            var entry = folder().Create(s.Value(name)!, password, s.Value(light) ? KeyStrength.Light : KeyStrength.Standard);
            return Task.FromResult(Report(s, entry, "created"));
        });

        var importName = new Argument<string>("name") { Description = "Name to store the key under" };
        var from = new Option<FileInfo?>("--keystore") { Description = "Import a keystore v3 file (its password from TRACE_IMPORT_PASSWORD or a prompt); without it, the hex private key comes from TRACE_IMPORT_KEY or a prompt" };
        var importLight = new Option<bool>("--light") { Description = "Cheap scrypt parameters (tests and demos only)" };
        var import = new Command("import", "Store an existing key (never pass a private key or password as an argument)") { importName, from, importLight };
        Run.Action(import, (s, ct) =>
        {
            using var key = s.Value(from) is { } file
                ? KeyStoreDirectory.UnlockFile(file.FullName, Passwords.Read("TRACE_IMPORT_PASSWORD", $"Password of {file.Name}:"))
                : EthereumKey.FromHex(Passwords.Read("TRACE_IMPORT_KEY", "Private key (hex):"));
            var password = Passwords.Read("TRACE_KEY_PASSWORD", "Password to store it with:", confirm: true);
            var entry = folder().Import(s.Value(importName)!, key, password, s.Value(importLight) ? KeyStrength.Light : KeyStrength.Standard);
            return Task.FromResult(Report(s, entry, "imported"));
        });

        var list = new Command("list", "The keys in the keystore folder");
        Run.Action(list, (s, ct) =>
        {
            var store = folder();
            var entries = store.List();
            if (s.Json)
            {
                Session.WriteJson(new JsonObject
                {
                    ["folder"] = store.Path,
                    ["keys"] = new JsonArray(entries.Select(e => (JsonNode)new JsonObject { ["name"] = e.Name, ["address"] = e.Address.ToString(), ["path"] = e.Path }).ToArray()),
                });
                return Task.FromResult(ExitCodes.Ok);
            }
            if (entries.Count == 0) s.Say($"no keys in {Ui.Safe(store.Path)}: [bold]trace keys new NAME[/] creates one");
            var table = new Table().AddColumns("name", "address", "file");
            foreach (var e in entries) table.AddRow(Ui.Safe(e.Name), e.Address.ToString(), Ui.Safe(e.Path));
            if (entries.Count > 0) s.Console.Write(table);
            return Task.FromResult(ExitCodes.Ok);
        });

        return new Command("keys", "Signing keys, encrypted on disk ($TRACE_HOME/keys, default ~/.trace/keys)") { create, import, list };
    }

    private static int Report(Session s, KeyStoreEntry entry, string what)
    {
        if (s.Json) Session.WriteJson(new JsonObject { ["name"] = entry.Name, ["address"] = entry.Address.ToString(), ["path"] = entry.Path });
        else s.Console.MarkupLine(Ui.Format($"key [bold]{entry.Name}[/] {what}: {entry.Address.ToString()} ({entry.Path}). The registry admin registers this address for your organisation."));
        return ExitCodes.Ok;
    }
}
