using FlowDesigner.Web.Apis;
using FlowDesigner.Web.Components;
using FlowDesigner.Web.Security;
using Microsoft.Extensions.FileProviders;
using MudBlazor;
using MudBlazor.Services;

namespace FlowDesigner.Web.Extensions;

public static class UiExtensions
{
    public static WebApplicationBuilder AddFlowDesignerUi(this WebApplicationBuilder builder)
    {
        // Packages' static files (_content/...) are served from their NuGet folders when running from the build output.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(options => options.DetailedErrors = builder.Environment.IsDevelopment());
        builder.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter; // over the designer's bottom strip, which fit keeps clear of nodes
            // Every message hides after 10 s; only one carrying an action (Reload, Back to workflows) waits to be acted on.
            options.SnackbarConfiguration.VisibleStateDuration = 10_000;
        });
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddTransient<Designing.DesignerState>();
        builder.Services.AddScoped<Components.Workflows.WorkflowActions>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication UseFlowDesignerPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapFlowDesignerUi(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot-assets")),
        });
        app.MapStaticAssets();
        app.MapWebhookApi();
        app.MapWorkflowApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
