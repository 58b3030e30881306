using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Access;
using Trace.Protos.V1;

namespace Trace.Api.Access;

/// <summary>SignInService over gRPC: translates to <see cref="SiweSignIn"/> (protos/trace/v1/signin.proto).</summary>
public sealed class SignInGrpcService(SiweSignIn signIn) : SignInService.SignInServiceBase
{
    public override Task<GetSignInChallengeResponse> GetSignInChallenge(GetSignInChallengeRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.Address)) throw new InvalidFieldException("address", "required");
        if (!EthereumAddress.TryParse(request.Address, out var address)) throw new InvalidFieldException("address", "not an Ethereum address (0x + 40 hex digits)");
        var message = signIn.Challenge(address);
        return Task.FromResult(new GetSignInChallengeResponse
        {
            Message = message.ToString(),
            Nonce = message.Nonce,
            ExpiresAt = Timestamp.FromDateTimeOffset(message.ExpirationTime!.Value),
        });
    }

    public override async Task<SignInResponse> SignIn(SignInRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.Message)) throw new InvalidFieldException("message", "required: the text GetSignInChallenge returned");
        EcdsaSignature signature;
        try { signature = EcdsaSignature.FromBytes65(request.Signature.Span); }
        catch (InvalidSignatureException e) { throw new InvalidFieldException("signature", e.Message); }
        var result = await signIn.SignInAsync(request.Message, signature, context.CancellationToken);
        var response = new SignInResponse
        {
            AccessToken = result.Token,
            ExpiresAt = Timestamp.FromDateTimeOffset(result.ExpiresAt),
            ParticipantId = result.ParticipantId ?? "",
            Key = result.Key.ToString(),
            Admin = result.IsAdmin,
        };
        response.Roles.AddRange(RoleNames.Of(result.Roles));
        return response;
    }
}
