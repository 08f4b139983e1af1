using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServerlessSafety.EndToEnd.Tests.Moderation;

/// <summary>Moderators taking cases from one queue at once, through the local host and the local Cosmos.</summary>
[Collection(PipelineCollection.Name)]
public sealed class CaseClaimApiTests
{
    private readonly PipelineFixture _pipeline;

    public CaseClaimApiTests(PipelineFixture pipeline)
    {
        _pipeline = pipeline;
    }

    [SkippableFact]
    public async Task Moderators_TakingTheNextCaseAtOnce_NeverGetTheSameCase_AndTheQueueShowsWhoWorksEach()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        for (var i = 0; i < 4; i++)
        {
            using var filed = await _pipeline.Http.PostAsync("api/reports", JsonContent.Create(new
            {
                category = "harassment",
                account = $"@claimed-{i}",
                justification = "Sends me threats every day.",
                reporterIsDepicted = false,
                involvesMinor = false,
            }));
            Assert.Equal(HttpStatusCode.Accepted, filed.StatusCode);
        }

        var moderators = Enumerable.Range(0, 4).Select(i => $"claim-e2e-{i}-{Guid.NewGuid():N}"[..24]).ToList();
        var taken = await Task.WhenAll(moderators.Select(TakeNextAsync));

        Assert.Equal(taken.Length, taken.Distinct().Count());
        using var observer = await _pipeline.SignInAsync("claim-e2e-observer");
        var queue = await SendAsync(observer, HttpMethod.Get, "api/moderation/queue?limit=500");
        var holders = queue["items"]!.AsArray().ToDictionary(i => (string)i!["caseId"]!, i => (string?)i!["claimedBy"]);
        for (var i = 0; i < moderators.Count; i++)
        {
            Assert.Equal(moderators[i], holders[taken[i]]);
        }
    }

    private async Task<string> TakeNextAsync(string moderator)
    {
        using var client = await _pipeline.SignInAsync(moderator);
        return (string)(await SendAsync(client, HttpMethod.Post, "api/moderation/queue/next"))["caseId"]!;
    }

    private async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {body}\n{_pipeline.HostOutput[^Math.Min(4000, _pipeline.HostOutput.Length)..]}");
        return JsonNode.Parse(body)!;
    }
}
