namespace FlowDesigner.Web.Formatting;

/// <summary>"just now", "5 min ago", "3 h ago", "2 d ago", then a date: how lists show when something happened.</summary>
public static class RelativeTime
{
    public static string Describe(DateTime utc, DateTime nowUtc)
    {
        var age = nowUtc - utc;
        return age switch
        {
            { TotalSeconds: < 60 } => "just now",
            { TotalMinutes: < 60 } => $"{(int)age.TotalMinutes} min ago",
            { TotalHours: < 24 } => $"{(int)age.TotalHours} h ago",
            { TotalDays: < 7 } => $"{(int)age.TotalDays} d ago",
            _ => utc.ToString("yyyy-MM-dd"),
        };
    }
}
