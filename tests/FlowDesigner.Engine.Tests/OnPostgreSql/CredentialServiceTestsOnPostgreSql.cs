using FlowDesigner.Persistence;

namespace FlowDesigner.Engine.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="CredentialServiceTests"/>, on PostgreSQL.</summary>
public sealed class CredentialServiceTestsOnPostgreSql : CredentialServiceTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
