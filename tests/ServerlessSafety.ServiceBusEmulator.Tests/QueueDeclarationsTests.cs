using ServerlessSafety.ServiceBusEmulator.Configuration;

namespace ServerlessSafety.ServiceBusEmulator.Tests;

public sealed class QueueDeclarationsTests
{
    [Fact]
    public void The_repositorys_declarations_are_read_with_their_durations_and_limits()
    {
        var path = Path.Combine(RepositoryPath(), "config", "servicebus.json");
        var queues = QueueDeclarations.Load(path);

        var escalation = Assert.Single(queues, q => q.Name == "ncmec-escalation");
        Assert.Equal(TimeSpan.FromMinutes(5), escalation.LockDuration);
        Assert.Equal(5, escalation.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromDays(14), escalation.DefaultMessageTimeToLive);
        Assert.Equal(TimeSpan.FromHours(1), escalation.DuplicateDetectionHistoryTimeWindow);
        Assert.True(escalation.RequiresDuplicateDetection);
        Assert.Equal(256 * 1024, escalation.MaxMessageSizeBytes);
        Assert.Contains(queues, q => q.Name == "report-intake");
    }

    [Theory]
    [InlineData("""{ "queues": [ { "name": "a", "lockDuration": "one minute" } ] }""", "lockDuration")]
    [InlineData("""{ "queues": [ { "name": "a" }, { "name": "A" } ] }""", "twice")]
    [InlineData("""{ "queues": [ { "name": "a/b" } ] }""", "name")]
    [InlineData("""{ "queues": [ { "name": "a", "maxDeliveryCount": 0 } ] }""", "maxDeliveryCount")]
    [InlineData("""{ }""", "queues")]
    public void A_malformed_declaration_is_refused_with_what_is_wrong(string json, string mentioned)
    {
        var refused = Assert.Throws<FormatException>(() => QueueDeclarations.Parse(json));
        Assert.Contains(mentioned, refused.Message, StringComparison.Ordinal);
    }

    private static string RepositoryPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ServerlessSafety.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root (ServerlessSafety.sln) is not above the test output.");
    }
}
