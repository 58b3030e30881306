using System.Collections.Concurrent;

namespace Trace.Api.Provenance;

/// <summary>The pages' scripts, served from resources embedded in Trace.Api (nothing is fetched from elsewhere).</summary>
internal static class StaticFiles
{
    private const string Prefix = "Trace.Api.Provenance.Static.";
    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    public static IResult Serve(string file, HttpContext http)
    {
        var bytes = Cache.GetOrAdd(file, static name =>
        {
            using var stream = typeof(StaticFiles).Assembly.GetManifestResourceStream(Prefix + name);
            if (stream is null) return null;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
        if (bytes is null) return Results.NotFound();
        http.Response.Headers.CacheControl = "public, max-age=3600";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var type = Path.GetExtension(file) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".md" or ".txt" => "text/plain; charset=utf-8",
            _ => "application/octet-stream",
        };
        return Results.Bytes(bytes, type);
    }
}
