using FlowDesigner.Model.Runs;
using FlowDesigner.Testing;

namespace FlowDesigner.Persistence.Tests.OnPostgreSql;

/// <summary>
/// PostgreSQL's feed of run changes, which several nodes append to: a change committed after a later-keyed one is
/// still read, in commit order, by a reader that read in between.
/// </summary>
public sealed class FeedOrderTests : IAsyncLifetime
{
    private TestServices _services = default!;

    public async Task InitializeAsync() => _services = await TestServices.StartAsync(provider: StorageProvider.PostgreSql);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task AChangeCommittedLate_IsNotPassedOver_ByAReaderThatSawALaterOne()
    {
        var runs = _services.Get<IRunStore>();
        var cursor = await runs.LatestChangeAsync(default);
        var (early, late) = (Guid.NewGuid(), Guid.NewGuid());
        await using var first = await _services.OpenConnectionAsync();
        await using var open = await first.BeginTransactionAsync();
        await using (var append = first.Command("""INSERT INTO "RunChanges" ("RunIds") VALUES (@run)""").With("run", early.ToByteArray(bigEndian: true)))
        {
            append.Transaction = open;
            await append.ExecuteNonQueryAsync(); // takes its key first, commits last
        }

        await using (var second = await _services.OpenConnectionAsync())
        {
            await using var append = second.Command("""INSERT INTO "RunChanges" ("RunIds") VALUES (@run)""").With("run", late.ToByteArray(bigEndian: true));
            await append.ExecuteNonQueryAsync();
        }

        var whileOpen = await runs.ReadChangesAsync(cursor, 100, default);
        await open.CommitAsync();
        var after = await runs.ReadChangesAsync(whileOpen.Count > 0 ? whileOpen[^1].Seq : cursor, count: 2);

        Assert.Empty(whileOpen); // the later change waits for the one still open before it
        Assert.Equal([early, late], after.Select(c => c.RunId));
    }
}
