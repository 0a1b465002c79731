using System.Security.Claims;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Web.Security;

namespace FlowDesigner.Web.Apis;

/// <summary>
/// <c>/api/credential-types</c> and <c>/api/credentials</c>, for Admins: what each type asks for, and the credentials by
/// name and type. No answer ever holds a field's value; a secret left out of an edit keeps the stored one.
/// </summary>
public static class CredentialApi
{
    public static IEndpointRouteBuilder MapCredentialApi(this IEndpointRouteBuilder app)
    {
        var api = WorkflowApi.ApiGroup(app).RequireAuthorization(Access.Admin);
        api.MapGet("/credential-types", ListTypes);
        api.MapGet("/credentials", ListAsync);
        api.MapPost("/credentials", CreateAsync);
        api.MapPut("/credentials/{id:guid}", UpdateAsync);
        api.MapDelete("/credentials/{id:guid}", DeleteAsync);
        return app;
    }

    /// <summary>The body of a create or an edit: the type's key (ignored on an edit), a name, and field values by name.</summary>
    public sealed record CredentialBody(string? Type, string? Name, Dictionary<string, string?>? Fields);

    private static IResult ListTypes(NodeCatalog catalog) => Results.Ok(catalog.CredentialTypes.OrderBy(t => t.DisplayName).Select(type => new
    {
        key = type.Key,
        name = type.DisplayName,
        description = type.Description,
        fields = type.Fields.Select(f => new { name = f.Name, label = f.Label, secret = f.Secret, required = f.Required, options = f.Options.Select(o => o.Value), help = f.Help }),
    }));

    private static async Task<IResult> ListAsync(CredentialService credentials, CancellationToken cancellationToken) =>
        Results.Ok((await credentials.ListAsync(cancellationToken)).Select(View));

    private static Task<IResult> CreateAsync(CredentialBody? body, CredentialService credentials, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        SaveAsync(null, body, credentials, user, cancellationToken);

    private static async Task<IResult> UpdateAsync(Guid id, CredentialBody? body, CredentialService credentials, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await credentials.OpenAsync(id, cancellationToken) is not { } form)
        {
            return NoSuchCredential(id);
        }

        return await SaveAsync(form.Id, body is null ? null : body with { Type = form.Type }, credentials, user, cancellationToken);
    }

    private static async Task<IResult> SaveAsync(Guid? id, CredentialBody? body, CredentialService credentials, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body is not { Type: { Length: > 0 } type, Name: { } name })
        {
            return Results.Problem(title: "The credential is incomplete",
                detail: "Send {\"type\": KEY, \"name\": NAME, \"fields\": {...}}; GET /api/credential-types lists the types and their fields.", statusCode: 400);
        }

        var fields = (body.Fields ?? []).Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
        var result = await credentials.SaveAsync(new CredentialInput(id, type, name, fields), UserClaims.ActorOf(user), cancellationToken);
        if (result.Saved is not { } saved)
        {
            var problems = result.Problems.Select(p => p.Key.Length == 0 ? p.Value : $"{p.Key}: {p.Value}");
            return Results.Problem(title: "The credential was not saved", detail: string.Join(" ", problems), statusCode: 422,
                extensions: new Dictionary<string, object?> { ["problems"] = result.Problems });
        }

        return id is null ? Results.Created($"/api/credentials/{saved.Id}", View(saved)) : Results.Ok(View(saved));
    }

    private static async Task<IResult> DeleteAsync(Guid id, CredentialService credentials, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await credentials.OpenAsync(id, cancellationToken) is null)
        {
            return NoSuchCredential(id);
        }

        var users = await credentials.DeleteAsync(id, UserClaims.ActorOf(user), cancellationToken);
        return users.Count == 0
            ? Results.NoContent()
            : Results.Problem(title: "The credential is in use",
                detail: $"Published workflows sign in with it: {string.Join(", ", users)}. Change or deactivate them first.", statusCode: 409);
    }

    private static object View(CredentialSummary credential) => new
    {
        id = credential.Id,
        name = credential.Name,
        type = credential.Type,
        typeName = credential.TypeName,
        updatedAt = credential.UpdatedAt,
        updatedBy = credential.UpdatedBy,
        lastTest = credential.LastTest is { } test ? new { succeeded = test.Succeeded, message = test.Message, at = credential.LastTestedAt } : null,
        readable = credential.Readable,
    };

    private static IResult NoSuchCredential(Guid id) => Results.Problem(title: "No such credential", detail: $"Credential {id} does not exist.", statusCode: 404);
}
