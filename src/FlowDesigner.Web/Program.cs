using FlowDesigner.Web.Extensions;

// Settings and web assets sit beside the program; relative data paths start from the folder it was run in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddFlowDesignerStorage();
builder.AddFlowDesignerAccounts();
builder.AddFlowDesignerEngine();
builder.AddFlowDesignerBackgroundJobs();
builder.AddFlowDesignerUi();

var app = builder.Build();
if (FlowDesigner.Web.Hosting.CommandLine.IsCommand(args))
{
    return await FlowDesigner.Web.Hosting.CommandLine.RunAsync(app.Services, args);
}

app.UseFlowDesignerPipeline();
app.MapFlowDesignerUi();

return await app.RunOrExplainAsync();

/// <summary>The web host's entry point; public so that tests can start the real host.</summary>
public partial class Program;
