using System.Text.Json;
using Trace.Crypto;

namespace Trace.Node.Evm.Keystore;

/// <summary>Field access with errors that name the field, and the writer for new keystores.</summary>
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

    public static string Write(EthereumAddress address, string id, byte[] iv, byte[] ciphertext, ScryptParameters parameters, byte[] salt, byte[] mac)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("address", Hex.Encode(address.Bytes, prefix: false));
            w.WriteStartObject("crypto");
            w.WriteString("cipher", "aes-128-ctr");
            w.WriteStartObject("cipherparams");
            w.WriteString("iv", Hex.Encode(iv, prefix: false));
            w.WriteEndObject();
            w.WriteString("ciphertext", Hex.Encode(ciphertext, prefix: false));
            w.WriteString("kdf", "scrypt");
            w.WriteStartObject("kdfparams");
            w.WriteNumber("dklen", 32);
            w.WriteNumber("n", parameters.N);
            w.WriteNumber("p", parameters.P);
            w.WriteNumber("r", parameters.R);
            w.WriteString("salt", Hex.Encode(salt, prefix: false));
            w.WriteEndObject();
            w.WriteString("mac", Hex.Encode(mac, prefix: false));
            w.WriteEndObject();
            w.WriteString("id", id);
            w.WriteNumber("version", 3);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
