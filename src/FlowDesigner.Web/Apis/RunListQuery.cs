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
            WorkflowId = QueryValues.Id(query, "workflow", problems),
            Statuses = QueryValues.Enums<RunStatus>(query, "status", problems),
            Causes = QueryValues.Enums<RunCause>(query, "cause", problems),
            From = QueryValues.Time(query, "from", problems),
            To = QueryValues.Time(query, "to", problems),
            Id = QueryValues.Id(query, "id", problems),
            TitlePrefix = ParseTitle(query, problems),
        };
        var after = QueryValues.Id(query, "after", problems);
        var take = QueryValues.Take(query, DefaultTake, MostTake, problems);
        return problems.Count > 0 ? (null, string.Join(" ", problems)) : (new RunListQuery(filter, after, take), null);
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
}
