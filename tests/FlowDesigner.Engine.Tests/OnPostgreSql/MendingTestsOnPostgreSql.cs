using FlowDesigner.Persistence;

namespace FlowDesigner.Engine.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="MendingTests"/>, on PostgreSQL.</summary>
public sealed class MendingTestsOnPostgreSql : MendingTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
