using System.Net;

namespace Trace.Api.Provenance;

/// <summary>HTML and SVG text escaping.</summary>
internal static class Html
{
    /// <summary>Text or attribute value, escaped.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
