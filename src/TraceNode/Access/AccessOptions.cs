using System.ComponentModel.DataAnnotations;

namespace Trace.Node.Access;

/// <summary>Sign-in and access-token settings (section <c>Trace:Access</c>, docs/access.md).</summary>
public sealed class AccessOptions : IValidatableObject
{
    public const string Section = "Trace:Access";

    /// <summary>The EIP-4361 domain the sign-in message names and SignIn requires. Default "trace.local".</summary>
    [Required]
    public string Domain { get; set; } = "trace.local";

    /// <summary>The EIP-4361 URI the sign-in message names and SignIn requires. Default "https://trace.local/".</summary>
    [Required]
    public string Uri { get; set; } = "https://trace.local/";

    /// <summary>The human-readable statement of the sign-in message (one line). Default "Sign in to Trace.".</summary>
    public string Statement { get; set; } = "Sign in to Trace.";

    /// <summary>
    /// The HS256 key of access tokens, base64, at least 32 bytes. Default: none, in which case a key is generated once
    /// into &lt;data&gt;/access/token-signing.key (mode 0600) and reused. Never logged.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long an access token is valid. Default 15 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in challenge can be answered. Default 5 minutes.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Open (unanswered, unexpired) challenges kept at most; more are refused with RESOURCE_EXHAUSTED. Default 100000.</summary>
    [Range(1, 10_000_000)]
    public int MaxOpenChallenges { get; set; } = 100_000;

    /// <summary>How often the key-standing follower looks for new registry events. Default 1000 ms.</summary>
    [Range(50, 60_000)]
    public int StandingPollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Longest time a key's standing is reused without asking the chain again, a backstop behind the event follower.
    /// Default 5 minutes.
    /// </summary>
    public TimeSpan StandingCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Domain.Contains('\n') || Domain.Contains(' ')) yield return new ValidationResult("Trace:Access:Domain: no spaces or line breaks", [nameof(Domain)]);
        if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out _)) yield return new ValidationResult("Trace:Access:Uri: an absolute URI (RFC 3986)", [nameof(Uri)]);
        if (Statement.Contains('\n')) yield return new ValidationResult("Trace:Access:Statement: one line", [nameof(Statement)]);
        if (TokenLifetime <= TimeSpan.Zero || TokenLifetime > TimeSpan.FromDays(1)) yield return new ValidationResult("Trace:Access:TokenLifetime: between 0 and 1 day", [nameof(TokenLifetime)]);
        if (ChallengeLifetime <= TimeSpan.Zero || ChallengeLifetime > TimeSpan.FromHours(1)) yield return new ValidationResult("Trace:Access:ChallengeLifetime: between 0 and 1 hour", [nameof(ChallengeLifetime)]);
        if (StandingCacheDuration < TimeSpan.Zero) yield return new ValidationResult("Trace:Access:StandingCacheDuration: not negative", [nameof(StandingCacheDuration)]);
        if (TokenSigningKey is { Length: > 0 } key)
        {
            byte[]? bytes = null;
            try { bytes = Convert.FromBase64String(key); } catch (FormatException) { }
            // The message never repeats the value: it is a secret.
            if (bytes is null || bytes.Length < 32) yield return new ValidationResult("Trace:Access:TokenSigningKey: base64 of at least 32 bytes", [nameof(TokenSigningKey)]);
        }
    }

    internal TimeSpan StandingPollInterval => TimeSpan.FromMilliseconds(StandingPollIntervalMilliseconds);
}
