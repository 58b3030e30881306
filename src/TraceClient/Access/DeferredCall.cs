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
