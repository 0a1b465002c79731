using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Tests;

public class WorkflowStoreTests : IAsyncLifetime
{
    private TestServices _services = default!;

    /// <summary>The database the tests write: SQLite, unless a class for PostgreSQL says otherwise.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private IWorkflowStore Store => _services.Get<IWorkflowStore>();

    public async Task InitializeAsync() => _services = await TestServices.StartAsync(provider: Provider);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Create_ThenFind_ReturnsTheSameDraft()
    {
        var definition = WorkflowDefinition.Empty("Orders") with { Nodes = [new NodeDefinition("n1", "core.manual", "Start")] };

        var created = await Store.CreateAsync(new WorkflowDraft(definition, "core.manual", "manual"), TestActors.Ann, "created", default);
        var found = await Store.FindAsync(created.Id, default);

        Assert.NotNull(found);
        Assert.Equal(WorkflowDefinitionJson.Serialize(definition), WorkflowDefinitionJson.Serialize(found.Definition));
        Assert.Equal(("Orders", "ann", WorkflowState.Draft), (found.Name, found.UpdatedBy, found.State));
        Assert.Equal(created.Revision, found.Revision);
    }

    [Fact]
    public async Task List_SaysWhatTheLastPollOfTheActiveTriggerFoundWrong_UntilAPollGoesWell()
    {
        var definition = WorkflowDefinition.Empty("Shop orders") with { Nodes = [new NodeDefinition("n1", "magento.new-order", "New order")] };
        var created = await Store.CreateAsync(new WorkflowDraft(definition, "magento.new-order", null), TestActors.Ann, "created", default);
        await _services.Get<IVersionStore>().PublishAsync(created.Id, definition, "magento.new-order", null, null, TestActors.Ann, default);
        var cursors = _services.Get<Model.Polling.ITriggerCursorStore>();

        await cursors.SaveAsync(created.Id, "magento.new-order", null, "Magento could not search for new orders (401: ...)", DateTime.UtcNow, default);
        var failing = (await Store.ListAsync(new WorkflowQuery(null, 0, 10), default)).Items.Single();
        await cursors.SaveAsync(created.Id, "magento.new-order", """{"createdAt":"2025-03-14 09:26:41","entityId":1042}""", null, DateTime.UtcNow, default);
        var healthy = (await Store.ListAsync(new WorkflowQuery(null, 0, 10), default)).Items.Single();

        Assert.StartsWith("Magento could not search", failing.TriggerProblem);
        Assert.Null(healthy.TriggerProblem);
        Assert.Equal("""{"createdAt":"2025-03-14 09:26:41","entityId":1042}""", await cursors.FindAsync(created.Id, "magento.new-order", default));
    }

    [Fact]
    public async Task SaveDraft_RefusesAConcurrentEdit_AndKeepsTheFirstSave()
    {
        var created = await Store.CreateAsync(Draft("Orders"), TestActors.Ann, "created", default);
        var firstTab = created.Revision;
        var secondTab = created.Revision;

        var saved = await Store.SaveDraftAsync(created.Id, Draft("Orders by Ann"), firstTab, TestActors.Ann, "saved", default);
        var conflict = await Assert.ThrowsAsync<WorkflowConflictException>(
            () => Store.SaveDraftAsync(created.Id, Draft("Orders by Bob"), secondTab, TestActors.Bob, "saved", default));

        Assert.Equal("ann", conflict.SavedBy);
        Assert.Contains("Your change was not saved", conflict.Message);
        var stored = await Store.FindAsync(created.Id, default);
        Assert.Equal(("Orders by Ann", saved.Revision), (stored!.Name, stored.Revision));
        Assert.NotEqual(created.Revision, saved.Revision);
    }

    [Fact]
    public async Task SaveDraft_WithTheLatestRevision_Succeeds_Repeatedly()
    {
        var record = await Store.CreateAsync(Draft("A"), TestActors.Ann, "created", default);

        record = await Store.SaveDraftAsync(record.Id, Draft("B"), record.Revision, TestActors.Ann, "saved", default);
        record = await Store.SaveDraftAsync(record.Id, Draft("C"), record.Revision, TestActors.Bob, "saved", default);

        Assert.Equal(("C", "bob"), (record.Name, record.UpdatedBy));
        await using var db = _services.OpenDatabase();
        var row = await db.Workflows.SingleAsync();
        Assert.Equal(("user-ann", "ann", "user-bob"), (row.CreatedById, row.CreatedBy, row.UpdatedById)); // each change names a user id, and the name as it was
    }

    [Fact]
    public async Task SaveDraft_OfADeletedWorkflow_SaysSo()
    {
        var record = await Store.CreateAsync(Draft("A"), TestActors.Ann, "created", default);
        await Store.DeleteAsync(record.Id, TestActors.Ann, default);

        await Assert.ThrowsAsync<WorkflowNotFoundException>(
            () => Store.SaveDraftAsync(record.Id, Draft("B"), record.Revision, TestActors.Ann, "saved", default));
    }

    [Fact]
    public async Task List_FiltersSortsAndPages_OnTheServer()
    {
        foreach (var name in new[] { "Order sync", "Invoice export", "Order_refunds", "Customer import" })
        {
            await Store.CreateAsync(Draft(name), TestActors.Ann, "created", default);
        }

        var orders = await Store.ListAsync(new WorkflowQuery("order") { Sort = WorkflowSort.Name, Descending = false }, default);
        var underscore = await Store.ListAsync(new WorkflowQuery("r_r"), default);
        var page = await Store.ListAsync(new WorkflowQuery(null, Skip: 1, Take: 2) { Sort = WorkflowSort.Name, Descending = false }, default);

        Assert.Equal(["Order sync", "Order_refunds"], orders.Items.Select(w => w.Name));
        Assert.Equal(2, orders.TotalCount);
        Assert.Equal(["Order_refunds"], underscore.Items.Select(w => w.Name));
        Assert.Equal(["Invoice export", "Order sync"], page.Items.Select(w => w.Name));
        Assert.Equal(4, page.TotalCount);
    }

    [Fact]
    public async Task List_ShowsLastRunAndRunsOfTheLastDay()
    {
        var record = await Store.CreateAsync(Draft("Orders"), TestActors.Ann, "created", default);
        await using (var db = _services.OpenDatabase())
        {
            var now = DateTime.UtcNow;
            db.Runs.AddRange(
                Run(record.Id, RunStatus.Succeeded, now.AddDays(-2)),
                Run(record.Id, RunStatus.Succeeded, now.AddHours(-3)),
                Run(record.Id, RunStatus.Failed, now.AddMinutes(-5)));
            await db.SaveChangesAsync();
        }

        var row = Assert.Single((await Store.ListAsync(new WorkflowQuery(), default)).Items);

        Assert.Equal(RunStatus.Failed, row.LastRunStatus);
        Assert.Equal(2, row.RunsLast24Hours);
        Assert.Equal(1, row.FailedLast24Hours);
    }

    [Fact]
    public async Task Delete_RemovesVersionsAndRuns_AndWritesTheAuditLog()
    {
        var record = await Store.CreateAsync(Draft("Orders"), TestActors.Ann, "created", default);
        await using (var db = _services.OpenDatabase())
        {
            var version = new WorkflowVersionEntity { Id = Guid.NewGuid(), WorkflowId = record.Id, Number = 1, DefinitionJson = "{}", PublishedBy = "ann" };
            db.WorkflowVersions.Add(version);
            var run = Run(record.Id, RunStatus.Succeeded, DateTime.UtcNow);
            run.VersionId = version.Id;
            run.Steps.Add(new StepRunEntity { Id = 1, NodeId = "n1", Attempt = 1, Status = StepStatus.Succeeded });
            db.Runs.Add(run);
            await db.SaveChangesAsync();
        }

        var impact = await Store.GetDeletionImpactAsync(record.Id, default);
        await Store.DeleteAsync(record.Id, TestActors.Bob, default);

        Assert.Equal(new WorkflowDeletionImpact("Orders", 1, 1, false), impact);
        await using var check = _services.OpenDatabase();
        Assert.Equal((0, 0, 0, 0, 0), (await check.Workflows.CountAsync(), await check.WorkflowVersions.CountAsync(), await check.Runs.CountAsync(), await check.StepRuns.CountAsync(), await check.RunRollups.CountAsync()));
        var audit = await check.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.ActorId, a.Actor }).ToListAsync();
        Assert.Equal([("workflow.created", "user-ann", "ann"), ("workflow.deleted", "user-bob", "bob")], audit.Select(a => (a.Action, a.ActorId, a.Actor)));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => Store.DeleteAsync(record.Id, TestActors.Bob, default));
    }

    private static WorkflowDraft Draft(string name) => new(WorkflowDefinition.Empty(name), null, null);

    private static RunEntity Run(Guid workflowId, RunStatus status, DateTime createdAt) => new()
    {
        Id = TimeOrderedId.New(createdAt),
        WorkflowId = workflowId,
        Status = status,
        Cause = RunCause.Manual,
        CorrelationId = Guid.NewGuid(),
        CreatedAt = createdAt,
    };

    [Fact]
    public async Task SamplePayload_IsPinnedToTheWorkflow_WithoutChangingItsDraftOrRevision()
    {
        var created = await Store.CreateAsync(Draft("Orders"), TestActors.Ann, "created", default);

        await Store.SetSamplePayloadAsync(created.Id, """{ "body": { "order": 1 } }""", default);
        var found = await Store.FindAsync(created.Id, default);

        Assert.Equal("""{ "body": { "order": 1 } }""", found!.SamplePayloadJson);
        Assert.Equal(created.Revision, found.Revision);
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => Store.SetSamplePayloadAsync(Guid.NewGuid(), "{}", default));
    }
}
