using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Notices;

namespace ServerlessSafety.Storage.Cosmos.Reports;

/// <summary>The notice outbox in the container <c>notices</c>.</summary>
public sealed class CosmosNoticeOutbox : INoticeOutbox
{
    private readonly Container _container;

    /// <summary>Creates the outbox.</summary>
    public CosmosNoticeOutbox(CosmosContainers containers)
    {
        _container = containers.Get("notices");
    }

    /// <inheritdoc />
    public Task AddAsync(Notice notice, CancellationToken cancellationToken = default)
        => _container.TryCreateAsync(notice, notice.Id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Notice>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
        => _container.QueryAsync<Notice>(
            new QueryDefinition("SELECT * FROM c WHERE c.state = @pending AND c.nextAttemptAt <= @now")
                .WithParameter("@pending", "pending")
                .WithParameter("@now", now.ToUniversalTime()),
            limit,
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Notice>> ListForCaseAsync(string caseId, CancellationToken cancellationToken = default)
        => (await _container.QueryAsync<Notice>(
            new QueryDefinition("SELECT * FROM c WHERE c.caseId = @caseId").WithParameter("@caseId", caseId),
            1000,
            cancellationToken)).OrderBy(n => n.CreatedAt).ToList();

    /// <inheritdoc />
    public Task SaveAsync(Notice notice, CancellationToken cancellationToken = default)
        => _container.UpsertItemAsync(notice, new PartitionKey(notice.Id), cancellationToken: cancellationToken);
}
