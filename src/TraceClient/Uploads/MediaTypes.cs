namespace Trace.Client.Uploads;

/// <summary>The media type a document is submitted with, from its file name's extension.</summary>
public static class MediaTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf", [".json"] = "application/json", [".jsonld"] = "application/ld+json", [".xml"] = "application/xml",
        [".csv"] = "text/csv", [".txt"] = "text/plain", [".md"] = "text/markdown", [".html"] = "text/html",
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".zip"] = "application/zip",
    };

    /// <summary>The media type of <paramref name="path"/>; application/octet-stream when the extension is unknown.</summary>
    public static string Of(string path) => ByExtension.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
}
