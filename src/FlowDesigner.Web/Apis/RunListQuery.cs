using System.Globalization;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;
using Microsoft.Extensions.Primitives;

namespace FlowDesigner.Web.Apis;

/// <summary>
/// The query of <c>GET /api/runs</c>: <c>workflow</c>, <c>status</c> and <c>cause</c> (each repeated or comma-separated),
/// <c>from</c> and <c>to</c> (ISO 8601, UTC), <c>id</c> (a run or correlation id), <c>title</c> (its beginning, any case),
/// <c>after</c> and <c>take</c>.
/// </summary>
public sealed record RunListQuery(RunFilter Filter, Guid? After, int Take)
{
    public const int DefaultTake = 50;

    public const int MostTake = 500;

    /// <summary>The query read from the request, or what is wrong with it, naming the parameter.</summary>
    public static (RunListQuery? Query, string? Problem) Parse(IQueryCollection query)
    {
        var problems = new List<string>();
        var filter = new RunFilter
        {
            WorkflowId = ParseId(query, "workflow", problems),
            Statuses = ParseEnums<RunStatus>(query, "status", problems),
            Causes = ParseEnums<RunCause>(query, "cause", problems),
            From = ParseTime(query, "from", problems),
            To = ParseTime(query, "to", problems),
            Id = ParseId(query, "id", problems),
            TitlePrefix = ParseTitle(query, problems),
        };
        var after = ParseId(query, "after", problems);
        var take = DefaultTake;
        if (query.TryGetValue("take", out var text) && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out take) && take is >= 1 and <= MostTake))
        {
            problems.Add($"'take' must be a whole number from 1 to {MostTake}, not '{text}'.");
        }

        return problems.Count > 0 ? (null, string.Join(" ", problems)) : (new RunListQuery(filter, after, take), null);
    }

    private static Guid? ParseId(IQueryCollection query, string name, List<string> problems)
    {
        if (!query.TryGetValue(name, out var text) || StringValues.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        problems.Add($"'{name}' must be an id such as 0193a1b2-0000-7000-8000-000000000001, not '{text}'.");
        return null;
    }

    private static string? ParseTitle(IQueryCollection query, List<string> problems)
    {
        var text = query["title"].ToString().Trim();
        if (text.Length > RunTitle.MostLength)
        {
            problems.Add($"'title' is the beginning of a run's title, at most {RunTitle.MostLength} characters.");
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    private static DateTime? ParseTime(IQueryCollection query, string name, List<string> problems)
    {
        if (!query.TryGetValue(name, out var text) || StringValues.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.UtcDateTime;
        }

        problems.Add($"'{name}' must be a time such as 2026-12-05T18:30:00Z, not '{text}'.");
        return null;
    }

    private static IReadOnlyList<TEnum> ParseEnums<TEnum>(IQueryCollection query, string name, List<string> problems) where TEnum : struct, Enum
    {
        var values = new List<TEnum>();
        foreach (var text in query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
            {
                values.Add(value);
            }
            else
            {
                problems.Add($"'{name}' must be one of {string.Join(", ", Enum.GetNames<TEnum>())}, not '{text}'.");
            }
        }

        return values.Distinct().ToList();
    }
}
