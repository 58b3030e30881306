using System.Text.Json;
using Trace.Crypto;

namespace Trace.Chain.Keystore;

/// <summary>Field access with errors that name the field.</summary>
internal static class KeystoreJson
{
    public static JsonElement Object(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new KeystoreException($"keystore field '{path}' is missing or not an object");

    public static string String(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new KeystoreException($"keystore field '{path}' is missing or not a string");

    public static int Int(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new KeystoreException($"keystore field '{path}' is missing or not a 32-bit integer");

    public static byte[] HexBytes(JsonElement parent, string name, string path) =>
        Hex.TryDecode(String(parent, name, path), out var bytes)
            ? bytes
            : throw new KeystoreException($"keystore field '{path}' is not hex");
}
