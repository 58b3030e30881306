using Microsoft.Extensions.DependencyInjection;

namespace Trace.Node.Access;

/// <summary>Registers sign-in, access tokens and the key-standing follower.</summary>
public static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddTraceAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInChallenges>();
        services.AddSingleton<TokenSigningKey>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<KeyStandings>();
        services.AddSingleton<SiweSignIn>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<KeyStandingFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<KeyStandingFollower>());
        return services;
    }
}
