using FlowDesigner.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Web.Security;

/// <summary>
/// Whether the owner exists yet. Until then every page leads to the one-time set-up page; afterwards that page answers
/// 404. Once an owner exists the answer is kept: users are never all removed (the last Admin stays).
/// </summary>
public sealed class OwnerGate(IServiceScopeFactory scopes)
{
    public const string SetUpPath = "/setup";

    private volatile bool _exists;

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        if (_exists)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        _exists = await scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>().Users.AnyAsync(cancellationToken);
        return _exists;
    }

    public void OwnerCreated() => _exists = true;

    /// <summary>Sends page requests to the set-up page while there is no owner, and answers 404 there once there is.</summary>
    public static IApplicationBuilder UseOwnerSetUp(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var gate = context.RequestServices.GetRequiredService<OwnerGate>();
        var path = context.Request.Path;
        if (path.Equals(SetUpPath, StringComparison.OrdinalIgnoreCase))
        {
            if (await gate.ExistsAsync(context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }
        else if (HttpMethods.IsGet(context.Request.Method) && IsPage(path) && !await gate.ExistsAsync(context.RequestAborted))
        {
            context.Response.Redirect(SetUpPath);
            return;
        }

        await next();
    });

    // Pages, not the webhooks, health, API, scripts, styles and icons, nor the pages that explain errors.
    private static bool IsPage(PathString path) =>
        !Path.HasExtension(path.Value)
        && !((path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries) is [("hooks" or "health" or "api" or "_framework" or "_content" or "_blazor" or "not-found" or "error"), ..]);
}
