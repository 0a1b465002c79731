using System.Diagnostics;

namespace FlowDesigner.Benchmarks;

/// <summary>
/// When one client sends its next order under <c>--rate</c>: the clients share the rate, each on its own fixed
/// schedule, offset from the others so the orders arrive evenly. A client that falls behind sends at once until it
/// has caught up. Without a rate every turn is at once.
/// </summary>
public sealed class SendSchedule(int? rate, int clients, int client)
{
    private readonly long _interval = rate is { } perSecond ? Stopwatch.Frequency * clients / perSecond : 0;
    private long _next;

    public async Task WaitForTurnAsync()
    {
        if (_interval == 0)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        _next = _next == 0 ? now + _interval * client / clients : _next + _interval;
        var wait = Stopwatch.GetElapsedTime(now, _next);
        if (wait >= TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait);
        }
    }
}
