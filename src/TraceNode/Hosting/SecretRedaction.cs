using System.Data.Common;

namespace Trace.Node.Hosting;

/// <summary>Shows settings that may carry secrets (RPC URLs with API keys, connection strings with passwords) without them.</summary>
public static class SecretRedaction
{
    /// <summary>What a log shows instead of a secret.</summary>
    public const string Hidden = "(set, not shown)";

    /// <summary>"(set, not shown)" or "(not set)": the only thing ever logged about a key or password.</summary>
    public static string Presence(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : Hidden;

    /// <summary>
    /// Scheme, host and port of <paramref name="url"/>; user info, path and query are replaced by "…" because hosted RPC
    /// providers put the API key there (https://mainnet.infura.io/v3/KEY, https://user:pass@host).
    /// </summary>
    public static string Url(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "(empty)";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "(not a URL, not shown)";
        var origin = $"{uri.Scheme}://{uri.Host}:{uri.Port}";
        var hidden = uri.UserInfo.Length > 0 || uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0 || uri.Fragment.Length > 0;
        return hidden ? origin + "/…" : origin;
    }

    /// <summary>The connection string with every password-like value (Password, Pwd, ...) replaced.</summary>
    public static string ConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return "(default)";
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return "(unparseable, not shown)";
        }
        foreach (var key in builder.Keys.Cast<string>().ToList())
        {
            var name = key.Replace(" ", "", StringComparison.Ordinal);
            if (name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Equals("pwd", StringComparison.OrdinalIgnoreCase)
                || name.Contains("secret", StringComparison.OrdinalIgnoreCase) || name.Contains("token", StringComparison.OrdinalIgnoreCase))
                builder[key] = "***";
        }
        return builder.ConnectionString;
    }
}
