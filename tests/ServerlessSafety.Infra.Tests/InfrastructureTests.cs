using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;
using static ServerlessSafety.Infra.Tests.CompiledTemplate;

namespace ServerlessSafety.Infra.Tests;

/// <summary>What a reviewer checks in the infrastructure, read from the compiled template.</summary>
public sealed class InfrastructureTests
{
    [Fact]
    public void Lint_HasNoFindings()
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "scripts/bicep", "lint", "infra/main.bicep" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var findings = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit(180_000);
        Assert.True(process.ExitCode == 0 && !findings.Contains("Warning", StringComparison.Ordinal), findings);
    }

    [Fact]
    public void StorageAccounts_RefuseKeysAndPlainHttp()
    {
        var accounts = OfType("Microsoft.Storage/storageAccounts").ToList();
        Assert.Equal(2, accounts.Count);
        foreach (var (template, account) in accounts)
        {
            var properties = Resolve(template, account["properties"])!;
            Assert.False((bool)properties["allowSharedKeyAccess"]!);
            Assert.False((bool)properties["allowBlobPublicAccess"]!);
            Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
            Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        }
    }

    [Fact]
    public void ServiceBusCosmosAndAppInsights_HaveLocalAuthOff()
    {
        Assert.True((bool)Single("Microsoft.ServiceBus/namespaces")["properties"]!["disableLocalAuth"]!);
        Assert.True((bool)Single("Microsoft.DocumentDB/databaseAccounts")["properties"]!["disableLocalAuth"]!);
        Assert.True((bool)Single("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!);
    }

    [Fact]
    public void Queues_AreTheOnesOfConfigServiceBusJson()
    {
        var (template, _) = OfType("Microsoft.ServiceBus/namespaces/queues").Single();
        var declared = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "config", "servicebus.json")))!;
        Assert.True(JsonNode.DeepEquals(declared, Resolve(template, template["variables"]!["declaration"])), "infra/app/servicebus.bicep must load config/servicebus.json");
        var names = declared["queues"]!.AsArray().Select(q => (string)q!["name"]!).ToList();
        Assert.Contains("report-intake", names);
        Assert.Contains("triage", names);
        Assert.Contains("ncmec-escalation", names);
    }

    [Fact]
    public void CosmosContainers_AreTheOnesOfConfigCosmosJson()
    {
        var (template, _) = OfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers").Single();
        var declared = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "config", "cosmos.json")))!;
        Assert.True(JsonNode.DeepEquals(declared, Resolve(template, template["variables"]!["declaration"])), "infra/app/cosmos.bicep must load config/cosmos.json");
    }

    [Fact]
    public void Evidence_IsRetainedForAYear()
    {
        var policy = Single("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");
        Assert.Equal(365, (int)policy["properties"]!["immutabilityPeriodSinceCreationInDays"]!);
        Assert.Contains("evidence", Root.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b")] // Storage Blob Data Owner
    [InlineData("ba92f5b4-2d11-453d-a403-e96b0029c9fe")] // Storage Blob Data Contributor
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88")] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")] // Storage Table Data Contributor
    [InlineData("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39")] // Azure Service Bus Data Sender
    [InlineData("4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0")] // Azure Service Bus Data Receiver
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6")] // Key Vault Secrets User
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb")] // Monitoring Metrics Publisher
    [InlineData("00000000-0000-0000-0000-000000000002")] // Cosmos DB Built-in Data Contributor
    public void Identity_HoldsTheDataRoles(string role)
        => Assert.Contains(role, Root.ToJsonString(), StringComparison.Ordinal);

    [Fact]
    public void NoOwnerOrContributorRole_AtAnyScope()
    {
        var json = Root.ToJsonString();
        Assert.DoesNotContain("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", json, StringComparison.Ordinal); // Owner
        Assert.DoesNotContain("b24988ac-6180-42a0-ab88-20f7382dd24c", json, StringComparison.Ordinal); // Contributor
        Assert.DoesNotContain("090c5cfd-751d-490a-894a-3ce6f1109419", json, StringComparison.Ordinal); // Service Bus Data Owner
    }

    [Fact]
    public void FunctionApp_IsFlexConsumption_HttpsOnly_AndSettingsHoldNoKeys()
    {
        var (template, app) = OfType("Microsoft.Web/sites").Single();
        Assert.True((bool)app["properties"]!["httpsOnly"]!);
        Assert.Equal("Disabled", (string?)app["properties"]!["siteConfig"]!["ftpsState"]);
        Assert.Equal("1.2", (string?)app["properties"]!["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("dotnet-isolated", (string?)app["properties"]!["functionAppConfig"]!["runtime"]!["name"]);
        Assert.Equal("FC1", (string?)Single("Microsoft.Web/serverfarms")["sku"]!["name"]);
        var moduleText = template.ToJsonString();
        foreach (var forbidden in new[] { "AccountKey", "SharedAccessKey", "listKeys", "connectionString(" })
        {
            Assert.DoesNotContain(forbidden, moduleText, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var connection in new[] { "AzureWebJobsStorage", "Uploads", "ServiceBus", "CosmosDb" })
        {
            Assert.Contains(connection, template["variables"]!["connections"]!.AsObject().Select(p => p.Key));
        }
    }

    [Fact]
    public void AuditLog_IsAppendOnlyForTheApp()
    {
        var (_, role) = OfType("Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions").Single();
        var actions = role["properties"]!["permissions"]![0]!["dataActions"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Contains("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/create", actions);
        Assert.DoesNotContain(actions, a => a.EndsWith("/replace", StringComparison.Ordinal) || a.EndsWith("/delete", StringComparison.Ordinal) || a.EndsWith("/upsert", StringComparison.Ordinal) || a.EndsWith("/*", StringComparison.Ordinal));
        var declared = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "config", "cosmos.json")))!;
        Assert.Contains(declared["containers"]!.AsArray(), c => (string?)c!["name"] == "audit" && (bool?)c["appendOnly"] == true);
    }

    [Fact]
    public void Workspace_SignsInWithEntraId_AndLetsVictimsInAnonymously()
    {
        var (template, auth) = OfType("Microsoft.Web/sites/config").Single(r => ((string)r.Resource["name"]!).Contains("authsettingsV2", StringComparison.Ordinal));
        var validation = Resolve(template, auth["properties"]!["globalValidation"])!;
        Assert.Equal("AllowAnonymous", (string?)validation["unauthenticatedClientAction"]);
        Assert.Contains("Moderation__SignIn", template.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_TENANT_ID")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("SERVICEBUS_NAMESPACE")]
    [InlineData("COSMOS_ENDPOINT")]
    public void Outputs_AreWhatAzdReads(string output) => Assert.NotNull(Root["outputs"]?[output]);

    private static JsonObject Single(string type) => OfType(type).Single().Resource;
}
