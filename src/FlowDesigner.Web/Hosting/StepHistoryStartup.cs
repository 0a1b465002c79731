using FlowDesigner.Persistence;

namespace FlowDesigner.Web.Hosting;

/// <summary>Converts the step history of an upgraded database in the background, once the product serves.</summary>
internal sealed class StepHistoryStartup(StepHistoryConversion conversion, ILogger<StepHistoryStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await conversion.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left is converted at the next start, each batch having been its own transaction.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Converting the step history stopped; what is left is converted at the next start, and a run read before then is converted as it is read");
        }
    }
}
