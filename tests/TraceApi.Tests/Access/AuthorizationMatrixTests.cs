using System.Diagnostics;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Trace.Api.Access;
using Xunit.Abstractions;

namespace Trace.Api.Tests.Access;

/// <summary>
/// The authorization matrix over real gRPC: every RPC the node serves (read from its reflection service) called as
/// every role, with no token, an expired token, a suspended participant's token and a retired key's token.
/// </summary>
[Collection(AccessNodeCollection.Name)]
public sealed class AuthorizationMatrixTests(AccessNodeFixture node, ITestOutputHelper output)
{
    // The expected matrix, written out by hand so an edit of AuthorizationTable shows up here as a reviewed change.
    // Columns: anonymous, admin, supplier, carrier, verifier, regulator, buyer. "+" allowed, "-" refused.
    private const string Expected = """
        /grpc.health.v1.Health/Check                                      + + + + + + +
        /grpc.health.v1.Health/Watch                                      + + + + + + +
        /grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo    + + + + + + +
        /grpc.reflection.v1.ServerReflection/ServerReflectionInfo         + + + + + + +
        /trace.v1.NodeService/GetNodeInfo                                 + + + + + + +
        /trace.v1.SignInService/GetSignInChallenge                        + + + + + + +
        /trace.v1.SignInService/SignIn                                    + + + + + + +
        /trace.v1.EvidenceService/SubmitDocument                          - - + + + - -
        /trace.v1.EvidenceService/SubmitRecord                            - - + + + - -
        /trace.v1.EvidenceService/SubmitRecords                           - - + + + - -
        /trace.v1.EvidenceService/RevokeRecord                            - - + + + - -
        /trace.v1.EvidenceService/GetRecord                               + + + + + + +
        /trace.v1.EvidenceService/GetProofBundle                          + + + + + + +
        /trace.v1.EvidenceService/Verify                                  + + + + + + +
        /trace.v1.EvidenceService/VerifyContent                           + + + + + + +
        /trace.v1.EvidenceService/ListRecords                             - + + + + + +
        /trace.v1.EvidenceService/WatchRecordStatus                       - + + + + + +
        /trace.v1.EvidenceService/DownloadContent                         - + + + + + +
        /trace.v1.AuditService/AuditIndex                                 + + + + + + +
        /trace.v1.IndexAdminService/RebuildIndex                          - + - - - - -
        /trace.v1.AssuranceService/FlagRecord                             - - - - - + -
        /trace.v1.AssuranceService/UnflagRecord                           - - - - - + -
        /trace.v1.AssuranceService/EndorseRecord                          - - - - + - -
        /trace.v1.AssuranceService/GetAuditTrail                          - + - - + + -
        /trace.v1.AssuranceService/ExportAuditTrail                       - + - - + + -
        /trace.v1.LineageService/GetFootprint                             + + + + + + +
        /trace.v1.LineageService/GetUpstreamLineage                       - - + + + + +
        /trace.v1.LineageService/GetDownstreamLineage                     - - + + + + +
        /trace.v1.EmissionFactorService/GetTransportFactors               + + + + + + +
        /trace.v1.EmissionFactorService/ListTransportFactorSets           + + + + + + +
        /trace.v1.LaneCatalogService/PutLanes                             - + - - - - -
        /trace.v1.LaneCatalogService/SubmitCarrierLanes                   - - - + - - -
        /trace.v1.LaneCatalogService/ListLanes                            - + + + + + +
        /trace.v1.LaneCatalogService/DeleteLanes                          - + - + - - -
        /trace.v1.RouteDecisionService/DecideRoute                        - + + + + + +
        /trace.v1.RouteDecisionService/GetRoutePlan                       - + + + + + +
        /trace.v1.CbamCostService/PutCbamDefaultValues                    - + - - - - -
        /trace.v1.CbamCostService/ListCbamDefaultValues                   - + + + + + +
        /trace.v1.CbamCostService/EstimateCbamCost                        - + + - + + -
        /trace.v1.ParticipantService/RegisterParticipant                  - + - - - - -
        /trace.v1.ParticipantService/UpdateParticipantIdentity            - + - - - - -
        /trace.v1.ParticipantService/AddParticipantKey                    - + - - - - -
        /trace.v1.ParticipantService/RetireParticipantKey                 - + - - - - -
        /trace.v1.ParticipantService/GrantParticipantRoles                - + - - - - -
        /trace.v1.ParticipantService/RevokeParticipantRoles               - + - - - - -
        /trace.v1.ParticipantService/SuspendParticipant                   - + - - - - -
        /trace.v1.ParticipantService/ReactivateParticipant                - + - - - - -
        /trace.v1.ParticipantService/ListParticipants                     + + + + + + +
        /trace.v1.ParticipantService/GetParticipant                       + + + + + + +
        /trace.v1.ContentAccessService/GrantContentAccess                 - + + + + + +
        /trace.v1.ContentAccessService/RevokeContentAccess                - + + + + + +
        /trace.v1.ContentAccessService/ListContentGrants                  - + + + + + +
        /trace.v1.EpcisService/ConvertEpcisDocument                       - + + + + - -
        /trace.v1.EpcisService/ConvertEpcisDocuments                      - + + + + - -
        /trace.v1.CbamService/ExportCbamReport                            - + + - + + -
        /trace.v1.PactService/ExportProductFootprint                      + + + + + + +
        /trace.v1.PactService/ConvertProductFootprint                     - + + + + + +
        """;

    private static readonly string[] Roles = ["anonymous", "admin", "supplier", "carrier", "verifier", "regulator", "buyer"];

    private static Dictionary<string, bool[]> ExpectedRows() => Expected.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToDictionary(cells => cells[0], cells => cells[1..].Select(c => c == "+").ToArray());

    [Fact]
    public async Task Every_RPC_the_node_serves_is_in_the_table_and_the_expected_matrix()
    {
        var served = await ServedMethodsAsync();
        var table = AuthorizationTable.Rules.Select(r => r.Method).ToHashSet();
        var expected = ExpectedRows();

        var unlisted = served.Keys.Where(m => !table.Contains(m)).ToList();
        var unexpected = served.Keys.Where(m => !expected.ContainsKey(m)).ToList();
        Assert.True(unlisted.Count == 0, "served but not in AuthorizationTable (nobody may call them): " + string.Join(", ", unlisted));
        Assert.True(unexpected.Count == 0, "served but not in this test's expected matrix: " + string.Join(", ", unexpected));
        Assert.Equal(expected.Keys.Order(), table.Order());
    }

    [Fact]
    public void The_table_says_what_the_expected_matrix_says()
    {
        foreach (var (method, allowed) in ExpectedRows())
        {
            var rule = AuthorizationTable.Find(method)!;
            var columns = new[] { Audience.Anonymous, Audience.Admin, Audience.Supplier, Audience.Carrier, Audience.Verifier, Audience.Regulator, Audience.Buyer };
            for (var i = 0; i < columns.Length; i++)
                Assert.True(rule.IsPublic || rule.Allowed.HasFlag(columns[i]) == allowed[i], $"{method} x {Roles[i]}: table says {rule.Allowed}");
        }
    }

    [Fact]
    public async Task Every_RPC_called_as_every_role_is_let_through_or_refused_as_the_matrix_says()
    {
        var served = await ServedMethodsAsync();
        var expected = ExpectedRows();
        var wrong = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var (method, kind) in served)
        {
            for (var i = 0; i < Roles.Length; i++)
            {
                var token = i == 0 ? null : node.Tokens[Roles[i]];
                var status = await CallAsync(method, kind, token);
                var refusedByTable = status.StatusCode == StatusCode.Unauthenticated
                    || (status.StatusCode == StatusCode.PermissionDenied && status.Detail.StartsWith(method, StringComparison.Ordinal));
                if (refusedByTable == expected[method][i])
                    wrong.Add($"{method} as {Roles[i]}: {status.StatusCode} {status.Detail}");
                else if (refusedByTable && i == 0 && status.StatusCode != StatusCode.Unauthenticated)
                    wrong.Add($"{method} without a token: {status.StatusCode}, expected UNAUTHENTICATED");
                else if (refusedByTable && i > 0 && status.StatusCode != StatusCode.PermissionDenied)
                    wrong.Add($"{method} as {Roles[i]}: {status.StatusCode}, expected PERMISSION_DENIED");
            }
        }
        output.WriteLine($"{served.Count} RPCs x {Roles.Length} callers in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("suspended")]
    [InlineData("retired")]
    [InlineData("forged")]
    public async Task A_token_that_no_longer_identifies_an_active_key_is_refused_on_every_RPC_with_Unauthenticated(string which)
    {
        var token = which switch
        {
            "expired" => Mint(node.Keys["supplier"].Address.ToString(), DateTime.UtcNow.AddMinutes(-20), DateTime.UtcNow.AddMinutes(-5), AccessNodeFixture.SigningKey),
            "forged" => Mint(node.Keys["supplier"].Address.ToString(), DateTime.UtcNow, DateTime.UtcNow.AddMinutes(10), System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            _ => node.Tokens[which],
        };
        var expectedMessage = which switch
        {
            "expired" => "the access token expired at",
            "forged" => "signature is not this node's",
            "suspended" => "is suspended",
            _ => "was retired at",
        };
        // The registry change was mined at the fixture's start; the follower applies it within its poll interval.
        await WaitUntilRefusedAsync(token);

        var served = await ServedMethodsAsync();
        foreach (var (method, kind) in served)
        {
            var status = await CallAsync(method, kind, token);
            Assert.True(status.StatusCode == StatusCode.Unauthenticated, $"{method}: {status.StatusCode} {status.Detail}");
            Assert.Contains(expectedMessage, status.Detail);
        }
    }

    private async Task WaitUntilRefusedAsync(string token)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await CallAsync("/trace.v1.NodeService/GetNodeInfo", MethodType.Unary, token)).StatusCode != StatusCode.Unauthenticated)
        {
            Assert.True(DateTime.UtcNow < deadline, "the token was still accepted 10 s after the registry change");
            await Task.Delay(100);
        }
    }

    /// <summary>A token signed with <paramref name="key"/> as the node signs its own.</summary>
    internal static string Mint(string address, DateTime notBefore, DateTime expires, byte[] key) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "trace",
        Audience = "trace.local",
        IssuedAt = notBefore,
        NotBefore = notBefore,
        Expires = expires,
        Claims = new Dictionary<string, object> { ["trace_key"] = address, ["trace_roles"] = "supplier", ["trace_admin"] = "false" },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>Every method of every service the node's reflection lists, with its streaming kind.</summary>
    private async Task<Dictionary<string, MethodType>> ServedMethodsAsync()
    {
        var methods = new Dictionary<string, MethodType>();
        var client = new ServerReflection.ServerReflectionClient(node.Raw);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        foreach (var service in services)
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = service });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            foreach (var bytes in call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto)
            {
                var file = FileDescriptorProto.Parser.ParseFrom(bytes);
                foreach (var s in file.Service.Where(s => $"{file.Package}.{s.Name}" == service))
                    foreach (var m in s.Method)
                        methods[$"/{service}/{m.Name}"] = (m.ClientStreaming, m.ServerStreaming) switch
                        {
                            (false, false) => MethodType.Unary,
                            (true, false) => MethodType.ClientStreaming,
                            (false, true) => MethodType.ServerStreaming,
                            _ => MethodType.DuplexStreaming,
                        };
            }
        }
        await call.RequestStream.CompleteAsync();
        Assert.NotEmpty(methods);
        return methods;
    }

    /// <summary>Calls <paramref name="fullName"/> with an empty request (or stream) and returns how it ended (OK when it answered).</summary>
    private async Task<Status> CallAsync(string fullName, MethodType kind, string? token)
    {
        var parts = fullName.Split('/');
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        var method = new Method<byte[], byte[]>(kind, parts[1], parts[2], bytes, bytes);
        // Streams that stay open when allowed (watchers) end at the deadline: DEADLINE_EXCEEDED means "let through".
        var options = new CallOptions(AccessNodeFixture.Bearer(token), DateTime.UtcNow.AddSeconds(kind == MethodType.ServerStreaming ? 1.5 : 20));
        try
        {
            switch (kind)
            {
                case MethodType.Unary:
                    await node.Raw.AsyncUnaryCall(method, null, options, []).ResponseAsync;
                    break;
                case MethodType.ServerStreaming:
                {
                    using var call = node.Raw.AsyncServerStreamingCall(method, null, options, []);
                    await call.ResponseStream.MoveNext(CancellationToken.None);
                    break;
                }
                case MethodType.ClientStreaming:
                {
                    using var call = node.Raw.AsyncClientStreamingCall(method, null, options);
                    await call.RequestStream.CompleteAsync();
                    await call.ResponseAsync;
                    break;
                }
                default:
                {
                    using var call = node.Raw.AsyncDuplexStreamingCall(method, null, options);
                    await call.RequestStream.CompleteAsync();
                    while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
                    break;
                }
            }
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }
}
