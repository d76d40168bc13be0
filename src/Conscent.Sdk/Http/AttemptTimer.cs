using System;
using System.Threading;

namespace Conscent.Sdk.Http;

/// <summary>
/// One attempt's timeout, run inside the attempt instead of as a Polly timeout layer: the same semantics (a
/// cancellation source that fires after the attempt's timeout, cancelled too when the caller's token is; the attempt's
/// <see cref="OperationCanceledException"/> becomes a <see cref="Polly.Timeout.TimeoutRejectedException"/> when the
/// timer, not the caller, cancelled it) without the layer's two extra async state machines and per-call allocations.
/// On the system clock the source is reused (one cached per thread, reset after each attempt, so its timer object is
/// reused too); any other <see cref="TimeProvider"/> (a fake clock in tests) gets its own timer from that provider.
/// </summary>
internal struct AttemptTimer
{
    [ThreadStatic]
    private static CancellationTokenSource? _cached;

    private CancellationTokenSource? _source;
    private CancellationTokenRegistration _callerRegistration;
    private bool _system;

    /// <summary>Starts the timer, or does nothing for an infinite <paramref name="timeout"/> (the caller's token is used as is).</summary>
    public CancellationToken Start(TimeSpan timeout, TimeProvider time, CancellationToken callerToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan) return callerToken;
        _system = ReferenceEquals(time, TimeProvider.System);
        CancellationTokenSource source;
        if (_system)
        {
            source = _cached ?? new CancellationTokenSource();
            _cached = null;
            source.CancelAfter(timeout);
        }
        else
        {
#if NET8_0_OR_GREATER
            source = new CancellationTokenSource(timeout, time);
#else
            source = System.Threading.Tasks.TimeProviderTaskExtensions.CreateCancellationTokenSource(time, timeout);
#endif
        }
        _source = source;
        if (callerToken.CanBeCanceled)
        {
#if NET6_0_OR_GREATER
            _callerRegistration = callerToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
#else
            _callerRegistration = callerToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), source);
#endif
        }
        return source.Token;
    }

    /// <summary>True when the timer fired and the caller did not cancel: the attempt timed out.</summary>
    public readonly bool TimedOut(CancellationToken callerToken) =>
        _source is { IsCancellationRequested: true } && !callerToken.IsCancellationRequested;

    /// <summary>Stops the timer and gives the source back for the next attempt on this thread when it can be reset.</summary>
    public void Stop()
    {
        var source = _source;
        if (source is null) return;
        _source = null;
        _callerRegistration.Dispose();
#if NET6_0_OR_GREATER
        if (_system && _cached is null && source.TryReset())
        {
            _cached = source;
            return;
        }
#endif
        source.Dispose();
    }
}
