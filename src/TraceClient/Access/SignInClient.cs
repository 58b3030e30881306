using Grpc.Core;
using Google.Protobuf;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Client.Access;

/// <summary>Signs in to a Trace node with a key: asks for the EIP-4361 challenge, signs it (personal_sign), exchanges it for a token.</summary>
public static class SignInClient
{
    /// <summary>One sign-in of <paramref name="key"/> over <paramref name="invoker"/> (a channel without token interceptors).</summary>
    /// <exception cref="RpcException">UNAUTHENTICATED when the node refuses (unregistered or retired key, suspended participant, ...).</exception>
    public static async Task<SignInResponse> SignInAsync(CallInvoker invoker, EthereumKey key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(key);
        var client = new SignInService.SignInServiceClient(invoker);
        var challenge = await client.GetSignInChallengeAsync(new GetSignInChallengeRequest { Address = key.Address.ToString() }, cancellationToken: ct).ConfigureAwait(false);
        var signature = Sign(key, challenge.Message);
        return await client.SignInAsync(new SignInRequest { Message = challenge.Message, Signature = ByteString.CopyFrom(signature) }, cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>The personal_sign (EIP-191) signature of <paramref name="message"/>'s UTF-8 bytes, 65 bytes r‖s‖v.</summary>
    public static byte[] Sign(EthereumKey key, string message)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(PersonalMessage.Hash(message)).ToBytes65();
    }
}
