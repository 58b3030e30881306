using System.CommandLine;
using Spectre.Console;
using Trace.Cli.Cli;

namespace Trace.Cli.Commands;

/// <summary><c>trace login</c>: signs in with the key and says who the node takes you for (participant, roles, token expiry).</summary>
internal static class LoginCommand
{
    public static Command Create()
    {
        var showToken = new Option<bool>("--show-token") { Description = "Also print the access token (for grpcurl: -H \"authorization: Bearer TOKEN\")" };
        var command = new Command("login", "Sign in with your key (EIP-4361); every other command signs in by itself") { showToken };
        Run.Action(command, async (s, ct) =>
        {
            var client = await s.ClientAsync(ct);
            var answer = await client.SignInAsync(s.Key(), ct);
            if (s.Json)
            {
                var json = Session.ToJson(answer).AsObject();
                if (!s.Value(showToken)) json.Remove("accessToken");
                Session.WriteJson(json);
                return ExitCodes.Ok;
            }
            var roles = string.Join(", ", answer.Roles.Select(Names.Of));
            s.Console.MarkupLine(Ui.Format($"signed in as [bold]{answer.ParticipantId}[/] (key {answer.Key}), roles: {(roles.Length == 0 ? "none" : roles)}{(answer.Admin ? ", registry admin" : "")}; the token expires at {answer.ExpiresAt.ToDateTimeOffset():u}"));
            if (s.Value(showToken)) System.Console.Out.WriteLine(answer.AccessToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
