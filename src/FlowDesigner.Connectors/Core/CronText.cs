namespace FlowDesigner.Connectors.Core;

/// <summary>Puts the common cron patterns into words for the workflow list; others are shown as they are.</summary>
public static class CronText
{
    public static string Describe(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return $"cron {cron}";
        }

        return fields switch
        {
            ["*", "*", "*", "*", "*"] => "every minute",
            [var m, "*", "*", "*", "*"] when m.StartsWith("*/", StringComparison.Ordinal) => $"every {m[2..]} min",
            ["0", "*", "*", "*", "*"] => "every hour",
            ["0", var h, "*", "*", "*"] when h.StartsWith("*/", StringComparison.Ordinal) => $"every {h[2..]} h",
            [var m, var h, "*", "*", "*"] when IsNumber(m) && IsNumber(h) => $"daily at {int.Parse(h):00}:{int.Parse(m):00}",
            _ => $"cron {cron}",
        };
    }

    private static bool IsNumber(string field) => field.Length > 0 && field.All(char.IsAsciiDigit);
}
