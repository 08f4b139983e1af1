using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ServerlessSafety.Functions.Tests;

/// <summary>
/// Reads the <c>functions.metadata</c> the worker SDK generated for the app, which is what the Azure Functions
/// host indexes in Azure, and checks every function's bindings.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();
    private static readonly JsonArray Functions = LoadMetadata();

    public static TheoryData<string, string, string> ExpectedTriggers => new()
    {
        { "HealthCheck", "httpTrigger", "health" },
        { "SubmitReport", "httpTrigger", "reports" },
        { "GetReportStatus", "httpTrigger", "reports/{caseId}/status" },
        { "ReportPage", "httpTrigger", "report" },
        { "StatusPage", "httpTrigger", "status" },
        { "ReportIntakeFunction", "serviceBusTrigger", "report-intake" },
        { "CaseSlaOrchestrator", "orchestrationTrigger", "" },
        { "RecordSlaReminder", "activityTrigger", "" },
        { "EscalateOverdueCase", "activityTrigger", "" },
        { "SendFinalNotice", "activityTrigger", "" },
        { "NoticeDelivery", "timerTrigger", "*/10 * * * * *" },
        { "ScreenUpload", "blobTrigger", "uploads/{name}" },
        { "WriteBankIndexSnapshot", "timerTrigger", "0 */15 * * * *" },
        { "ImportHashList", "httpTrigger", "banks/{bank}/imports/{format}" },
    };

    [Theory]
    [MemberData(nameof(ExpectedTriggers))]
    public void Function_HasItsTrigger(string name, string triggerType, string target)
    {
        var trigger = Trigger(Function(name));

        Assert.Equal(triggerType, (string?)trigger["type"]);
        var actual = (string?)(trigger["route"] ?? trigger["queueName"] ?? trigger["schedule"] ?? trigger["path"]) ?? "";
        Assert.Equal(target, actual);
    }

    [Fact]
    public void EveryFunction_HasExactlyOneTrigger_AndAnEntryPointInTheApp()
    {
        Assert.NotEmpty(Functions);
        foreach (var function in Functions.Select(f => f!.AsObject()))
        {
            Assert.Single(Bindings(function), b => ((string?)b["type"])!.EndsWith("Trigger", StringComparison.Ordinal));
            Assert.Equal("ServerlessSafety.Functions.dll", (string?)function["scriptFile"]);
            Assert.Equal("dotnet-isolated", (string?)function["language"]);
        }
    }

    [Fact]
    public void ServiceBusTriggers_AreDeclaredAsTheOfficialExtensionDeclaresThem()
    {
        var declared = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "config", "servicebus.json")))!["queues"]!.AsArray()
            .Select(q => (string)q!["name"]!).ToHashSet();
        var triggers = Functions.Select(f => Trigger(f!.AsObject())).Where(t => (string?)t["type"] == "serviceBusTrigger").ToList();

        Assert.NotEmpty(triggers);
        foreach (var trigger in triggers)
        {
            Assert.Equal("In", (string?)trigger["direction"]);
            Assert.Equal("ServiceBus", (string?)trigger["connection"]);
            Assert.Contains((string)trigger["queueName"]!, declared);
            Assert.Equal("false", trigger["isSessionsEnabled"]!.ToString().ToLowerInvariant());
            Assert.Equal("true", trigger["autoCompleteMessages"]!.ToString().ToLowerInvariant());
            // One message per invocation: the local host and the deployed host both bind a single message.
            Assert.True((string?)trigger["cardinality"] == "One" || (string?)trigger["isBatched"] == "false");
            Assert.Null(trigger["topicName"]);
        }
    }

    [Fact]
    public void HttpRoutes_AreUniquePerMethod()
    {
        var routes = Functions.Select(f => Trigger(f!.AsObject())).Where(t => (string?)t["type"] == "httpTrigger")
            .SelectMany(t => t["methods"]!.AsArray().Select(m => $"{m} {t["route"]}"))
            .ToList();

        Assert.Equal(routes.Count, routes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void VictimFacingEndpoints_AreAnonymous_TheWorkspaceIsBehindSignIn_AndEveryOtherHttpFunctionNeedsAKey()
    {
        var anonymous = new HashSet<string> { "HealthCheck", "SubmitReport", "GetReportStatus", "ReportPage", "StatusPage", "GetPolicy" };
        foreach (var function in Functions.Select(f => f!.AsObject()))
        {
            var trigger = Trigger(function);
            if ((string?)trigger["type"] != "httpTrigger")
            {
                continue;
            }

            // The workspace is for people signed in with Entra ID, who hold no function key: the ModeratorGate guards it.
            var workspace = ((string?)trigger["route"])?.StartsWith("moderation/", StringComparison.Ordinal) == true;
            var expected = anonymous.Contains((string)function["name"]!) || workspace ? "Anonymous" : "Function";
            Assert.True(expected == (string?)trigger["authLevel"] || (expected == "Function" && (string?)trigger["authLevel"] == "Admin"), $"{function["name"]} is {trigger["authLevel"]}");
        }
    }

    [Fact]
    public void EveryWorkspaceFunction_GoesThroughTheModeratorGate()
    {
        var workspace = typeof(ServerlessSafety.Functions.Moderation.ModeratorGate).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetParameters().Any(p =>
                p.GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.HttpTriggerAttribute), false) is [Microsoft.Azure.Functions.Worker.HttpTriggerAttribute { Route: { } route }]
                && route.StartsWith("moderation/", StringComparison.Ordinal))))
            .ToList();

        Assert.True(workspace.Count >= 8, $"Found only {workspace.Count} workspace function classes.");
        Assert.All(workspace, t => Assert.Contains(t.GetConstructors().Single().GetParameters(), p => p.ParameterType == typeof(ServerlessSafety.Functions.Moderation.ModeratorGate)));
    }

    private static JsonObject Function(string name)
        => Functions.Select(f => f!.AsObject()).SingleOrDefault(f => (string?)f["name"] == name)
            ?? throw new Xunit.Sdk.XunitException($"functions.metadata has no function {name}.");

    private static IEnumerable<JsonObject> Bindings(JsonObject function) => function["bindings"]!.AsArray().Select(b => b!.AsObject());

    private static JsonObject Trigger(JsonObject function) => Bindings(function).Single(b => ((string?)b["type"])!.EndsWith("Trigger", StringComparison.Ordinal));

    private static JsonArray LoadMetadata()
    {
        var output = Path.Combine(RepositoryRoot, "functions", "ServerlessSafety.Functions", "bin");
        var metadata = Directory.GetFiles(output, "functions.metadata", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault() ?? throw new InvalidOperationException($"No functions.metadata under {output}: build the function app first.");
        return JsonNode.Parse(File.ReadAllText(metadata))!.AsArray();
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ServerlessSafety.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
