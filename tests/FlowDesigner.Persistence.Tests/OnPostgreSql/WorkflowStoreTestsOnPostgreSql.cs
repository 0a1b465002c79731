namespace FlowDesigner.Persistence.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="WorkflowStoreTests"/>, on PostgreSQL.</summary>
public sealed class WorkflowStoreTestsOnPostgreSql : WorkflowStoreTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
