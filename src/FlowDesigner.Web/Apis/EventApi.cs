using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Events;
using FlowDesigner.Web.Security;

namespace FlowDesigner.Web.Apis;

/// <summary>
/// <c>/api/events</c>: the event stream, filtered and paged by the events' time-ordered ids; an event with its payload;
/// and the causal chain of an event or a run: what it caused, to any depth.
/// </summary>
public static class EventApi
{
    public static IEndpointRouteBuilder MapEventApi(this IEndpointRouteBuilder app)
    {
        var api = WorkflowApi.ApiGroup(app);
        api.MapGet("/events", ListAsync).RequireAuthorization(Access.Operator);
        api.MapGet("/events/{id:guid}", GetAsync).RequireAuthorization(Access.Operator);
        api.MapGet("/events/{id:guid}/chain", EventChainAsync).RequireAuthorization(Access.Operator);
        api.MapGet("/runs/{id:guid}/chain", RunChainAsync).RequireAuthorization(Access.Operator);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IEventStore events, CancellationToken cancellationToken)
    {
        var (query, problem) = EventListQuery.Parse(request.Query);
        if (query is null)
        {
            return Results.Problem(title: "The event list's query is not valid", detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var page = await events.FindEventsAsync(query.Filter, query.After, query.Take, cancellationToken);
        return Results.Ok(new { events = page.Events.Select(Describe), next = page.Next });
    }

    private static async Task<IResult> GetAsync(Guid id, IEventStore events, CancellationToken cancellationToken) =>
        await events.FindEventAsync(id, cancellationToken) is { } found ? Results.Ok(Describe(found)) : NoSuch("event", id);

    private static async Task<IResult> EventChainAsync(Guid id, CausalChains chains, CancellationToken cancellationToken) =>
        await chains.OfEventAsync(id, cancellationToken) is { } chain ? Results.Ok(Describe(chain)) : NoSuch("event", id);

    private static async Task<IResult> RunChainAsync(Guid id, CausalChains chains, CancellationToken cancellationToken) =>
        await chains.OfRunAsync(id, cancellationToken) is { } chain ? Results.Ok(Describe(chain)) : NoSuch("run", id);

    private static object Describe(EventRecord e) => new
    {
        e.Id,
        e.Type,
        source = e.SourceKind.ToString().ToLowerInvariant(),
        from = e.Source,
        e.Payload,
        e.CorrelationId,
        e.CausedByRunId,
        e.ReceivedAt,
    };

    /// <summary>
    /// The chain as a list, depth first: each node names its <c>parent</c> and <c>depth</c> (a chain may be hundreds of
    /// levels deep, which a nested answer could not carry); <c>kind</c> says whether it is an event or a run.
    /// </summary>
    private static object Describe(CausalChain chain) => new
    {
        root = chain.Root.Id,
        count = chain.Count,
        truncated = chain.Truncated,
        nodes = chain.Flatten().Select(entry => Describe(entry.Node, entry.Depth, entry.Parent)),
    };

    private static object Describe(ChainNode node, int depth, Guid? parent) => node.Run is { } run
        ? new
        {
            kind = "run",
            run.Id,
            parent,
            depth,
            run.WorkflowId,
            workflow = node.WorkflowName,
            status = run.Status.ToString().ToLowerInvariant(),
            cause = run.Cause.ToString().ToLowerInvariant(),
            run.Title,
            at = node.At,
            caused = node.Children.Count,
        }
        : (object)new
        {
            kind = "event",
            node.Event!.Id,
            parent,
            depth,
            node.Event.Type,
            source = node.Event.SourceKind.ToString().ToLowerInvariant(),
            from = node.Event.Source,
            at = node.At,
            caused = node.Children.Count,
        };

    private static IResult NoSuch(string what, Guid id) =>
        Results.Problem(title: $"No such {what}", detail: $"There is no {what} with id {id}; it may have been pruned by retention.", statusCode: 404);
}
