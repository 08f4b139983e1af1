using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Cosmos;

namespace ServerlessSafety.EndToEnd.Tests.Reports;

/// <summary>Victims' reports through the real HTTP API of the local host, with the real queues and Cosmos DB behind it.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ReportApiTests
{
    private readonly PipelineFixture _pipeline;

    public ReportApiTests(PipelineFixture pipeline)
    {
        _pipeline = pipeline;
    }

    private static object NewReport(string account) => new
    {
        category = "sextortion",
        account,
        justification = "They say they will send my pictures to my family unless I pay.",
        reporterIsDepicted = true,
        involvesMinor = false,
    };

    [SkippableFact]
    public async Task Report_IsAccepted_ThenOpenedAsACase_WhoseStatusTheTokenReads()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var accepted = await SubmitAsync(NewReport("@offender-1"));

        Assert.StartsWith(_pipeline.BaseAddress.ToString(), (string)accepted["statusUrl"]!);
        var status = await PipelineFixture.EventuallyAsync(
            () => StatusAsync((string)accepted["caseId"]!, (string)accepted["statusToken"]!),
            s => s["timeline"]!.AsArray().Any(e => (string?)e!["kind"] == "received") && s["dueBy"] is not null,
            TimeSpan.FromSeconds(30),
            "the case to be opened");
        Assert.Equal("sextortion", (string?)status["category"]);
    }

    [SkippableFact]
    public async Task Status_WrongTokenAndUnknownCase_AnswerTheSame404()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var accepted = await SubmitAsync(NewReport("@offender-2"));

        var wrongToken = await StatusResponseAsync((string)accepted["caseId"]!, "not-the-token");
        var unknownCase = await StatusResponseAsync("SS-AAAAAAAAAAAAAAAAAAAA", (string)accepted["statusToken"]!);

        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownCase.StatusCode);
        Assert.Equal(await wrongToken.Content.ReadAsStringAsync(), await unknownCase.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", wrongToken.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task SameIdempotencyKey_IsOneCase_AndARedeliveredIntakeMessageChangesNothing()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var key = Guid.NewGuid().ToString();
        var first = await SubmitAsync(NewReport("@offender-3"), key);
        var second = await SubmitAsync(NewReport("@offender-3"), key);
        var caseId = (string)first["caseId"]!;
        Assert.Equal(caseId, (string?)second["caseId"]);
        Assert.Equal((string?)first["statusToken"], (string?)second["statusToken"]);

        await PipelineFixture.EventuallyAsync(() => ReceivedEntriesAsync(caseId), n => n == 1, TimeSpan.FromSeconds(30), "the case to be opened");

        // The queue delivers at least once: deliver the intake message again, under a new message id.
        await using (var client = new ServiceBusClient(_pipeline.Services["ServiceBus"]))
        {
            await client.CreateSender("report-intake").SendMessageAsync(new ServiceBusMessage(JsonSerializer.Serialize(new { caseId, reason = "report-received" })) { MessageId = Guid.NewGuid().ToString() });
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await ReceivedEntriesAsync(caseId));
        var cases = await CountAsync("cases", caseId);
        Assert.Equal(1, cases);
    }

    [SkippableFact]
    public async Task SameIdempotencyKey_WithAnotherReport_IsRefused()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var key = Guid.NewGuid().ToString();
        await SubmitAsync(NewReport("@offender-4"), key);

        using var response = await PostAsync(NewReport("@someone-else"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    public static TheoryData<string, string, HttpStatusCode, string?> BadRequests => new()
    {
        { "application/json", """{"account":"@a"}""", HttpStatusCode.UnprocessableEntity, "category" },
        { "application/json", """{"category":"sextortion"}""", HttpStatusCode.UnprocessableEntity, "contentUrl" },
        { "application/json", """{"category":"sextortion","account":"@a","involvesMinor":"maybe"}""", HttpStatusCode.BadRequest, "involvesMinor" },
        { "application/json", """{"category":"sextortion","account":""", HttpStatusCode.BadRequest, null },
        { "text/plain", """{"category":"sextortion","account":"@a"}""", HttpStatusCode.UnsupportedMediaType, null },
        { "application/json", """{"category":"sextortion","account":"@a","contentUrl":"javascript:alert(1)"}""", HttpStatusCode.UnprocessableEntity, "contentUrl" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadRequests))]
    public async Task BadInput_IsAProblemDetailsAnswer_NamingTheField(string contentType, string body, HttpStatusCode status, string? field)
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        using var response = await _pipeline.Http.PostAsync("api/reports", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, (int?)problem["status"]);
        if (field is not null)
        {
            Assert.NotNull(problem["errors"]?[field]);
        }
    }

    [SkippableFact]
    public async Task HugeBody_IsRefusedWith413()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var huge = JsonSerializer.Serialize(new { category = "other", account = "@a", justification = new string('x', 200_000) });

        using var response = await _pipeline.Http.PostAsync("api/reports", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    internal async Task<JsonNode> SubmitAsync(object report, string? idempotencyKey = null)
    {
        using var response = await PostAsync(report, idempotencyKey);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private Task<HttpResponseMessage> PostAsync(object report, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/reports") { Content = JsonContent.Create(report) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return _pipeline.Http.SendAsync(request);
    }

    private async Task<JsonNode> StatusAsync(string caseId, string token)
    {
        using var response = await StatusResponseAsync(caseId, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private Task<HttpResponseMessage> StatusResponseAsync(string caseId, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"api/reports/{caseId}/status");
        request.Headers.Add("X-Status-Token", token);
        return _pipeline.Http.SendAsync(request);
    }

    private async Task<int> ReceivedEntriesAsync(string caseId)
    {
        try
        {
            var item = await _pipeline.Container("cases").ReadItemAsync<JsonElement>(caseId, new PartitionKey(caseId));
            return item.Resource.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "received");
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }
    }

    private async Task<int> CountAsync(string container, string id)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.id = @id").WithParameter("@id", id);
        var count = 0;
        using var feed = _pipeline.Container(container).GetItemQueryIterator<JsonElement>(query);
        while (feed.HasMoreResults)
        {
            count += (await feed.ReadNextAsync()).Count;
        }

        return count;
    }
}
