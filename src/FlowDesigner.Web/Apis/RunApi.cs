using FlowDesigner.Model.Runs;
using FlowDesigner.Web.Security;

namespace FlowDesigner.Web.Apis;

/// <summary><c>/api/runs</c>: the run list, filtered and paged by the runs' time-ordered ids.</summary>
public static class RunApi
{
    public static IEndpointRouteBuilder MapRunApi(this IEndpointRouteBuilder app)
    {
        var api = WorkflowApi.ApiGroup(app);
        api.MapGet("/runs", ListAsync).RequireAuthorization(Access.Operator);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IRunStore runs, CancellationToken cancellationToken)
    {
        var (query, problem) = RunListQuery.Parse(request.Query);
        if (query is null)
        {
            return Results.Problem(title: "The run list's query is not valid", detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var page = await runs.FindRunsAsync(query.Filter, query.After, query.Take, cancellationToken);
        return Results.Ok(new { runs = page.Runs, next = page.Next });
    }
}
