namespace FlowDesigner.Model.Users;

/// <summary>Writes audit entries for changes the stores do not make themselves (users, roles, sign-in failures).</summary>
public interface IAuditTrail
{
    Task WriteAsync(string entityType, string entityId, Actor actor, string action, string summary, CancellationToken cancellationToken);
}
