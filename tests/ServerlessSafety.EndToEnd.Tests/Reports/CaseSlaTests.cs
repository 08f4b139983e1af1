using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServerlessSafety.EndToEnd.Tests.Reports;

/// <summary>The SLA clock of a case, on real durable timers, with a seconds-long deadline.</summary>
[Collection(PipelineCollection.Name)]
public sealed class CaseSlaTests
{
    private readonly PipelineFixture _pipeline;

    public CaseSlaTests(PipelineFixture pipeline)
    {
        _pipeline = pipeline;
    }

    [SkippableFact]
    public async Task UnresolvedCase_IsEscalatedAtItsDeadline_AndTheReporterIsTold_ThenGetsTheFinalNotice()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var (caseId, token) = await SubmitAsync("@sla-escalates");

        await PipelineFixture.EventuallyAsync(
            () => StatusAsync(caseId, token),
            s => (string?)s["status"] == "escalated" && s["timeline"]!.AsArray().Any(e => (string?)e!["kind"] == "escalated"),
            PipelineFixture.Deadline + TimeSpan.FromSeconds(45),
            "the case to be escalated at its deadline and the reporter told");

        await DecideAsync(caseId, "contentRemoved");

        var resolved = await PipelineFixture.EventuallyAsync(
            () => StatusAsync(caseId, token),
            s => (string?)s["status"] == "resolved" && s["timeline"]!.AsArray().Any(e => (string?)e!["kind"] == "resolved"),
            TimeSpan.FromSeconds(45),
            "the final resolution after escalation, told to the reporter");
        Assert.False(string.IsNullOrWhiteSpace((string?)resolved["resolution"]));
    }

    [SkippableFact]
    public async Task CaseResolvedBeforeItsDeadline_GetsTheFinalNotice_AndIsNeverEscalated()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var (caseId, token) = await SubmitAsync("@sla-resolved-in-time");
        await PipelineFixture.EventuallyAsync(() => StatusAsync(caseId, token), s => s["dueBy"] is not null, TimeSpan.FromSeconds(20), "the case to be opened");

        await DecideAsync(caseId, "noViolation");

        var resolved = await PipelineFixture.EventuallyAsync(
            () => StatusAsync(caseId, token),
            s => (string?)s["status"] == "resolved",
            TimeSpan.FromSeconds(30),
            "the final resolution");
        await Task.Delay(PipelineFixture.Deadline);
        var later = await StatusAsync(caseId, token);
        Assert.Equal("resolved", (string?)later["status"]);
        Assert.DoesNotContain(later["timeline"]!.AsArray(), e => (string?)e!["kind"] == "escalated");
        Assert.Equal((string?)resolved["resolution"], (string?)later["resolution"]);
    }

    private async Task<(string CaseId, string Token)> SubmitAsync(string account)
    {
        using var response = await _pipeline.Http.PostAsJsonAsync("api/reports", new { category = "ncii", account, justification = "My pictures were posted." });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((string)body["caseId"]!, (string)body["statusToken"]!);
    }

    private async Task DecideAsync(string caseId, string outcome)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/moderation/cases/{caseId}/decision")
        {
            Content = JsonContent.Create(new { outcome, applyConsequence = false, note = "Checked against the policy." }),
        };
        using var moderator = await _pipeline.SignInAsync("moderator-e2e");
        using var response = await moderator.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The decision was refused: {(int)response.StatusCode} {body}");
    }

    private async Task<JsonNode> StatusAsync(string caseId, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"api/reports/{caseId}/status");
        request.Headers.Add("X-Status-Token", token);
        using var response = await _pipeline.Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
