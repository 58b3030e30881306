using Grpc.Core;

namespace Trace.Client.Access;

/// <summary>The request stream of a <see cref="DeferredCall{TCall}"/>; the first message or completion may release the start.</summary>
internal sealed class DeferredWriter<TRequest, TCall>(Task<TCall> start, Func<TCall, IClientStreamWriter<TRequest>> stream, TaskCompletionSource<TRequest?>? first)
    : IClientStreamWriter<TRequest> where TRequest : class
{
    private WriteOptions? _options;

    public WriteOptions? WriteOptions
    {
        get => _options;
        set
        {
            _options = value;
            if (start.IsCompletedSuccessfully) stream(start.Result).WriteOptions = value;
        }
    }

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        first?.TrySetResult(message);
        var inner = stream(await start.WaitAsync(cancellationToken).ConfigureAwait(false));
        if (_options is not null) inner.WriteOptions = _options;
        await inner.WriteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync()
    {
        first?.TrySetResult(null);
        await stream(await start.ConfigureAwait(false)).CompleteAsync().ConfigureAwait(false);
    }
}
