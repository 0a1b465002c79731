using FlowDesigner.Web.Apis;
using FlowDesigner.Web.Components;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
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
        builder.Services.AddSingleton<Hosting.MemoryTrim>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Hosting.CircuitMemoryTrim>();
        builder.Services.AddScoped<AuthenticationStateProvider, UserRevalidation>(); // after the Razor components' own
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddTransient<Designing.DesignerState>();
        builder.Services.AddTransient<Operating.RunListState>();
        builder.Services.AddSingleton<Operating.RunFeed>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<Operating.RunFeed>());
        builder.Services.AddTransient<Operating.RunPageState>();
        builder.Services.AddTransient<Operating.EventListState>();
        builder.Services.AddTransient<Operating.EventPageState>();
        builder.Services.AddTransient<Operating.DashboardState>();
        builder.Services.AddTransient<Operating.RetentionState>();
        builder.Services.AddScoped<Components.Workflows.WorkflowActions>();
        builder.Services.AddProblemDetails();
        builder.Services.AddFlowDesignerHealth();
        builder.Services.AddFlowDesignerMetrics();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>
    /// The middleware in order: headers on every answer, errors as pages, the theme's files, the set-up gate, then who
    /// the caller is and whether the policy of what they asked for lets them.
    /// </summary>
    public static WebApplication UseFlowDesignerPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot-assets")),
        });
        app.UseEndpointsForAnybody(); // webhooks and health: nobody to sign in, so they run here
        OwnerGate.UseOwnerSetUp(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapFlowDesignerUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapWebhookApi();
        app.MapHealthApi();
        app.MapMetricsApi();
        app.MapWorkflowApi();
        app.MapRunApi();
        app.MapEventApi();
        app.MapCredentialApi();
        app.MapAccountApi();
        app.MapJobDashboard();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
