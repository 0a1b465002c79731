using FlowDesigner.Persistence;

namespace FlowDesigner.Engine.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="SandboxAndRecoveryTests"/>, on PostgreSQL.</summary>
public sealed class SandboxAndRecoveryTestsOnPostgreSql : SandboxAndRecoveryTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
