using Grpc.Core;

namespace Trace.Client.Access;

/// <summary>A gRPC call that starts once its access token is known; its members wait for the start.</summary>
internal sealed class DeferredCall<TCall>(Task<TCall> start) where TCall : IDisposable
{
    private int _disposed;

    public Task<TCall> Task => start;

    public async Task<T> Then<T>(Func<TCall, Task<T>> member) => await member(await start.ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>The call's status; the sign-in's status when the call could not start.</summary>
    public Status Status(Func<TCall, Status> member) => start.Status switch
    {
        TaskStatus.RanToCompletion => member(start.Result),
        TaskStatus.Faulted when start.Exception!.InnerException is RpcException e => e.Status,
        TaskStatus.Faulted => new Status(StatusCode.Unknown, start.Exception!.InnerException!.Message),
        TaskStatus.Canceled => new Status(StatusCode.Cancelled, "cancelled before the call started"),
        _ => throw new InvalidOperationException("the call has not completed"),
    };

    public T Get<T>(Func<TCall, T> member) => start.Status == TaskStatus.RanToCompletion ? member(start.Result)
        : start.IsCompleted ? default! : throw new InvalidOperationException("the call has not completed");

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _ = start.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}

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
