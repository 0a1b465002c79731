using FlowDesigner.Model.Events;

namespace FlowDesigner.Web.Apis;

/// <summary>
/// The query of <c>GET /api/events</c>: <c>name</c> (exactly), <c>source</c> (webhook, schedule, poll, run, manual),
/// <c>from</c> and <c>to</c> (ISO 8601, UTC), <c>id</c> (an event or correlation id), <c>after</c> and <c>take</c>.
/// </summary>
public sealed record EventListQuery(EventFilter Filter, Guid? After, int Take)
{
    public const int DefaultTake = 50;

    public const int MostTake = 500;

    private const int MostNameLength = 200;

    /// <summary>The query read from the request, or what is wrong with it, naming the parameter.</summary>
    public static (EventListQuery? Query, string? Problem) Parse(IQueryCollection query)
    {
        var problems = new List<string>();
        var name = query["name"].ToString().Trim();
        if (name.Length > MostNameLength)
        {
            problems.Add($"'name' is an event's name, at most {MostNameLength} characters.");
        }

        var sources = QueryValues.Enums<EventSourceKind>(query, "source", problems);
        if (sources.Count > 1)
        {
            problems.Add("'source' takes one kind of source.");
        }

        var filter = new EventFilter
        {
            Type = name.Length == 0 ? null : name,
            Source = sources.Count == 1 ? sources[0] : null,
            From = QueryValues.Time(query, "from", problems),
            To = QueryValues.Time(query, "to", problems),
            Id = QueryValues.Id(query, "id", problems),
        };
        var after = QueryValues.Id(query, "after", problems);
        var take = QueryValues.Take(query, DefaultTake, MostTake, problems);
        return problems.Count > 0 ? (null, string.Join(" ", problems)) : (new EventListQuery(filter, after, take), null);
    }
}
