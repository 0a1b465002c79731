using FlowDesigner.Persistence;

namespace FlowDesigner.Web.Extensions;

public static class HostingExtensions
{
    /// <summary>
    /// Runs the host; when the storage cannot be used it prints what is wrong and what to do, and returns a non-zero exit code.
    /// </summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception exception) when (FindProblem(exception) is { } problem)
        {
            app.Logger.LogCritical("FlowDesigner cannot start: {Problem}", problem.Message);
            await Console.Error.WriteLineAsync($"FlowDesigner cannot start: {problem.Message}");
            return 1;
        }
    }

    private static StartupProblemException? FindProblem(Exception exception) => exception switch
    {
        StartupProblemException problem => problem,
        AggregateException aggregate => aggregate.InnerExceptions.Select(FindProblem).FirstOrDefault(p => p is not null),
        { InnerException: { } inner } => FindProblem(inner),
        _ => null,
    };
}
