namespace Trace.Api.Pact;

/// <summary>PACT API log messages (event ids 8600-8619). Secrets and tokens are never logged; client ids are.</summary>
internal static partial class Log
{
    [LoggerMessage(8600, LogLevel.Information, "PACT API mapped for {Clients} client(s)")]
    public static partial void Mapped(ILogger logger, int clients);

    [LoggerMessage(8601, LogLevel.Warning, "PACT token refused for client id {ClientId}")]
    public static partial void TokenRefused(ILogger logger, string clientId);

    [LoggerMessage(8602, LogLevel.Information, "PACT event {Type} {EventId} from client {ClientId} stored")]
    public static partial void EventStored(ILogger logger, string type, string eventId, string clientId);

    [LoggerMessage(8603, LogLevel.Error, "PACT API: unexpected error in {Path} (incident {Incident})")]
    public static partial void Unexpected(ILogger logger, Exception exception, string path, string incident);
}
