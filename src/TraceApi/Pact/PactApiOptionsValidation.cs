using Microsoft.Extensions.Options;

namespace Trace.Api.Pact;

/// <summary>Refuses to start with a misconfigured PACT client, naming the setting (<see cref="PactApiOptions.ClientProblem"/>).</summary>
public sealed class PactApiOptionsValidation : IValidateOptions<PactApiOptions>
{
    public ValidateOptionsResult Validate(string? name, PactApiOptions options) =>
        options.ClientProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
