using FlowDesigner.Persistence.Entities;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace FlowDesigner.Web.Apis;

/// <summary><c>POST /sign-out</c>: ends the session; a form posts it with its antiforgery token.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sign-out", SignOutAsync)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .RequireAuthorization(Access.Operator);
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpRequest request, SignInManager<UserEntity> signIn)
    {
        if (!request.HasFormContentType)
        {
            // Only a form carries the antiforgery token that the middleware checks; anything else could come from another site.
            return Results.Problem(title: "Sign out with the Sign out button", detail: "POST /sign-out takes the form the app bar's Sign out button sends.", statusCode: 400);
        }

        await signIn.SignOutAsync();
        return Results.LocalRedirect("/sign-in");
    }
}
