using FlowDesigner.Persistence;

namespace FlowDesigner.Engine.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="ReferenceWorkflowTests"/>, on PostgreSQL.</summary>
public sealed class ReferenceWorkflowTestsOnPostgreSql : ReferenceWorkflowTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
