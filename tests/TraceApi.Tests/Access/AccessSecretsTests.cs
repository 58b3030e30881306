namespace Trace.Api.Tests.Access;

/// <summary>The token signing key and the tokens themselves stay out of the node's output.</summary>
[Collection(AccessNodeCollection.Name)]
public sealed class AccessSecretsTests(AccessNodeFixture node)
{
    [Fact]
    public void Neither_the_token_signing_key_nor_an_issued_token_appears_in_the_node_log()
    {
        var output = node.Api.Output;

        Assert.Contains("Signed in key", output, StringComparison.Ordinal); // the log does speak of sign-ins
        Assert.DoesNotContain(Convert.ToBase64String(AccessNodeFixture.SigningKey), output, StringComparison.Ordinal);
        Assert.Contains("Trace:Access:TokenSigningKey=(set, not shown)", output, StringComparison.Ordinal);
        foreach (var token in node.Tokens.Values) Assert.DoesNotContain(token.Split('.')[2], output, StringComparison.Ordinal);
    }
}
