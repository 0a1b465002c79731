using System.Globalization;

namespace FlowDesigner.Web.Formatting;

/// <summary>Durations as a person reads them: <c>850 ms</c>, <c>2.4 s</c>, <c>3 min 20 s</c>, <c>1 h 5 min</c>.</summary>
public static class Durations
{
    public static string Describe(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalSeconds switch
        {
            < 1 => $"{(int)duration.TotalMilliseconds} ms",
            < 10 => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
            < 60 => $"{(int)duration.TotalSeconds} s",
            < 3600 => $"{(int)duration.TotalMinutes} min {duration.Seconds} s",
            < 86400 => $"{(int)duration.TotalHours} h {duration.Minutes} min",
            _ => $"{(int)duration.TotalDays} d {duration.Hours} h",
        };
    }

    /// <summary>A run's duration: from its start (its creation while it has not started) to its end, or to now while it runs.</summary>
    public static string OfRun(Model.Runs.RunRecord run, DateTime now) =>
        Describe((run.FinishedAt ?? now) - (run.StartedAt ?? run.CreatedAt));
}
