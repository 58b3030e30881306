namespace Trace.Api.Pact;

/// <summary>The error bodies of the PACT Tech Specs v2 (§ Error codes): {"code", "message"} with its HTTP status.</summary>
public static class PactErrors
{
    /// <summary>403: the access token is missing, unknown, or lacks the scope.</summary>
    public static IResult AccessDenied(string message = "Access denied") => Error(StatusCodes.Status403Forbidden, "AccessDenied", message);

    /// <summary>401: the access token has expired; ask /auth/token for a new one.</summary>
    public static IResult TokenExpired() => Error(StatusCodes.Status401Unauthorized, "TokenExpired", "The specified access token has expired");

    /// <summary>400: the request is malformed; the message says what.</summary>
    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "BadRequest", message);

    /// <summary>404: no footprint has that id (or this client may not see it).</summary>
    public static IResult NoSuchFootprint(string id) => Error(StatusCodes.Status404NotFound, "NoSuchFootprint", $"The specified footprint {id} does not exist");

    /// <summary>400: an event type or feature this host does not implement.</summary>
    public static IResult NotImplemented(string message) => Error(StatusCodes.Status400BadRequest, "NotImplemented", message);

    /// <summary>500, no internals: the incident id finds the details in the node's log.</summary>
    public static IResult InternalError(string incident) => Error(StatusCodes.Status500InternalServerError, "InternalError", $"Internal error (incident {incident})");

    /// <summary>An OAuth2 token endpoint error (RFC 6749 §5.2).</summary>
    public static IResult OAuth(int status, string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new Dictionary<string, string> { ["code"] = code, ["message"] = message }, statusCode: status);
}
