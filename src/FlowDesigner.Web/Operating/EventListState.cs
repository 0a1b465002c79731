using System.Globalization;
using FlowDesigner.Model.Events;
using FlowDesigner.Web.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FlowDesigner.Web.Operating;

/// <summary>
/// The Events page's state: its filters (read from and written to the address, with the names of <c>GET /api/events</c>)
/// and the events loaded so far, newest first, paged by keyset, with newer events taken in on top while the page is open.
/// </summary>
public sealed class EventListState(IEventStore events)
{
    public const int PageSize = 50;

    private readonly List<EventRecord> _events = [];
    private Guid? _next;

    public IReadOnlyList<EventRecord> Events => _events;

    public bool HasOlder => _next is not null;

    public bool Loaded { get; private set; }

    /// <summary>What is wrong with the address's filters, when something is; the list then shows every event.</summary>
    public string? Problem { get; private set; }

    /// <summary>An event's name, exactly (<c>salesforce.order.created</c>).</summary>
    public string Name { get; set; } = "";

    public EventSourceKind? Source { get; set; }

    public DateTime? From { get; set; }

    public DateTime? To { get; set; }

    /// <summary>An event id or a correlation id: that event, or every event of that chain.</summary>
    public string Search { get; set; } = "";

    /// <summary>What the search box holds when it is not an id: shown, and nothing is filtered by it.</summary>
    public bool SearchIsNotAnId => Search.Trim().Length > 0 && !Guid.TryParse(Search.Trim(), out _);

    public EventFilter Filter => new()
    {
        Type = Name.Trim().Length == 0 ? null : Name.Trim(),
        Source = Source,
        From = From,
        To = To,
        Id = Guid.TryParse(Search.Trim(), out var id) ? id : null,
    };

    public async Task OpenAsync(string uri, CancellationToken cancellationToken)
    {
        var (parsed, problem) = EventListQuery.Parse(new QueryCollection(QueryHelpers.ParseQuery(new Uri(uri).Query)));
        Problem = problem;
        if (parsed is not null)
        {
            Name = parsed.Filter.Type ?? "";
            Source = parsed.Filter.Source;
            From = parsed.Filter.From;
            To = parsed.Filter.To;
            Search = parsed.Filter.Id?.ToString() ?? "";
        }

        // An address with a cursor opens the events older than it (a link deep into the stream); a change of filters starts from the newest.
        await LoadAsync(parsed?.After, cancellationToken);
    }

    /// <summary>The page's address for the filters as they stand, so that a reload or a shared link shows the same events.</summary>
    public string Address()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        var filter = Filter;
        Add("name", filter.Type);
        Add("source", filter.Source?.ToString().ToLowerInvariant());
        Add("from", filter.From?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        Add("to", filter.To?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        Add("id", filter.Id?.ToString());
        return parts.Count == 0 ? "events" : "events?" + string.Join("&", parts);
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(null, cancellationToken);

    private async Task LoadAsync(Guid? after, CancellationToken cancellationToken)
    {
        var page = await events.FindEventsAsync(Filter, after, PageSize, cancellationToken);
        _events.Clear();
        _events.AddRange(page.Events);
        _next = page.Next;
        Loaded = true;
    }

    /// <summary>
    /// Reads the newest page again and puts the events newer than the newest shown on top; what the user paged to stays
    /// as it is. False, with nothing read past the first page, when there is nothing new.
    /// </summary>
    public async Task<bool> TakeNewerAsync(CancellationToken cancellationToken)
    {
        var newest = _events.Count == 0 ? (Guid?)null : _events[0].Id;
        var page = await events.FindEventsAsync(Filter, null, PageSize, cancellationToken);
        var newer = page.Events.Where(e => newest is null || e.Id.CompareTo(newest.Value) > 0).ToList();
        if (newer.Count == 0)
        {
            return false;
        }

        _events.InsertRange(0, newer);
        if (_events.Count == newer.Count)
        {
            _next = page.Next;
        }

        return true;
    }

    public async Task LoadOlderAsync(CancellationToken cancellationToken)
    {
        if (_next is not { } after)
        {
            return;
        }

        var page = await events.FindEventsAsync(Filter, after, PageSize, cancellationToken);
        _events.AddRange(page.Events);
        _next = page.Next;
    }
}
