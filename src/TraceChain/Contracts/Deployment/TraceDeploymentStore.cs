using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Crypto;

namespace Trace.Chain.Contracts.Deployment;

/// <summary>Reads and atomically writes <c>deployment.json</c> in the data directory.</summary>
public static class TraceDeploymentStore
{
    public const string FileName = "deployment.json";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>The record in <paramref name="dataDirectory"/>, or null when none was written yet.</summary>
    public static TraceDeploymentRecord? Load(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path)) return null;
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            return new TraceDeploymentRecord(
                ChainId: json["chainId"]!.GetValue<ulong>(),
                ParticipantRegistry: EthereumAddress.Parse(json["participantRegistry"]!["address"]!.GetValue<string>()),
                EvidenceRegistry: EthereumAddress.Parse(json["evidenceRegistry"]!["address"]!.GetValue<string>()),
                ParticipantRegistryVersion: json["participantRegistry"]!["version"]!.GetValue<string>(),
                EvidenceRegistryVersion: json["evidenceRegistry"]!["version"]!.GetValue<string>(),
                Operator: EthereumAddress.Parse(json["operator"]!.GetValue<string>()),
                DeployedAtBlock: json["deployedAtBlock"]!.GetValue<ulong>(),
                DeployedAt: DateTimeOffset.Parse(json["deployedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is JsonException or NullReferenceException or InvalidOperationException or FormatException or InvalidAddressException)
        {
            throw new InvalidOperationException($"{path} is not a valid Trace deployment record: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the record through a temp file and rename, so a crash never leaves half a file.</summary>
    public static void Save(string dataDirectory, TraceDeploymentRecord record)
    {
        Directory.CreateDirectory(dataDirectory);
        var json = new JsonObject
        {
            ["chainId"] = record.ChainId,
            ["participantRegistry"] = new JsonObject { ["address"] = record.ParticipantRegistry.ToString(), ["version"] = record.ParticipantRegistryVersion },
            ["evidenceRegistry"] = new JsonObject { ["address"] = record.EvidenceRegistry.ToString(), ["version"] = record.EvidenceRegistryVersion },
            ["operator"] = record.Operator.ToString(),
            ["deployedAtBlock"] = record.DeployedAtBlock,
            ["deployedAt"] = record.DeployedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        var path = PathIn(dataDirectory);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true })) json.WriteTo(writer);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
