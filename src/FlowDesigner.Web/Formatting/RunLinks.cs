using System.Globalization;

namespace FlowDesigner.Web.Formatting;

/// <summary>Addresses of the Runs page filtered, and of a run's page: the query names are the run API's (<see cref="Apis.RunListQuery"/>).</summary>
public static class RunLinks
{
    public static string OfWorkflow(Guid workflowId) => $"runs?workflow={workflowId}";

    /// <summary>The workflow's runs that failed since <paramref name="from"/>.</summary>
    public static string FailedOfWorkflow(Guid workflowId, DateTime from) =>
        $"runs?workflow={workflowId}&status=failed&from={from.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";

    public static string Of(Guid runId) => $"runs/{runId}";
}
