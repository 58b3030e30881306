using Grpc.Core;

namespace Trace.Client.Access;

/// <summary>The response stream of a <see cref="DeferredCall{TCall}"/>.</summary>
internal sealed class DeferredReader<TResponse, TCall>(Task<TCall> start, Func<TCall, IAsyncStreamReader<TResponse>> stream) : IAsyncStreamReader<TResponse>
{
    private IAsyncStreamReader<TResponse>? _inner;

    public TResponse Current => _inner is null ? throw new InvalidOperationException("MoveNext was not called") : _inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        _inner ??= stream(await start.WaitAsync(cancellationToken).ConfigureAwait(false));
        return await _inner.MoveNext(cancellationToken).ConfigureAwait(false);
    }
}
