using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Storage.Cosmos;
using ServerlessSafety.Storage.DependencyInjection;

// The moderators' workspace under load, against the local services and a running local host:
//   seed <cases>               open cases written through the case store, then the queue view projected from the change feed
//   pages <baseUrl> <requests> queue page and case page through the development sign-in: median and p99
//   triage <cases>             that many untriaged cases, one triage message each: messages triaged per second
// scripts/bench/moderation/run runs all three.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var services = new ServiceCollection().AddAzureSafetyStores(configuration).BuildServiceProvider();
var invariant = CultureInfo.InvariantCulture;

// The local services may be fresh: create the declared containers as the app does at start.
await services.GetRequiredService<CosmosContainers>().EnsureCreatedAsync();

switch (args)
{
    case ["seed", var countText]:
    {
        var count = int.Parse(countText, invariant);
        var store = services.GetRequiredService<ICaseStore>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
            await store.TryCreateAsync(Case($"BENCH-{i:D7}", i, triaged: true), token));
        var seeded = clock.Elapsed;
        clock.Restart();
        var projection = new QueueProjection(services.GetRequiredService<ICaseChangeFeed>(), services.GetRequiredService<IQueueView>(), NullLogger<QueueProjection>.Instance);
        var applied = await projection.CatchUpAsync();
        Console.WriteLine($"seeded={count} seed_per_second={count / seeded.TotalSeconds:0} projected={applied} project_per_second={applied / clock.Elapsed.TotalSeconds:0}");
        break;
    }

    case ["pages", var baseUrl, var requestsText]:
    {
        var requests = int.Parse(requestsText, invariant);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        using var signIn = await http.PostAsync("api/moderation/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["moderatorId"] = "bench-moderator", ["role"] = "moderator" }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)signIn.StatusCode}.");
        }

        Report("queue_page", await TimeAsync(http, requests, _ => "api/moderation/queue"));
        Report("queue_page_filtered", await TimeAsync(http, requests, _ => "api/moderation/queue?category=sextortion&minor=true"));
        Report("case_page", await TimeAsync(http, requests, i => $"api/moderation/cases/BENCH-{(i * 7919) % 100_000:D7}?media=none"));
        break;
    }

    case ["triage", var countText]:
    {
        var count = int.Parse(countText, invariant);
        var store = services.GetRequiredService<ICaseStore>();
        var queue = services.GetRequiredService<ICaseWorkQueue>();
        var run = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var ids = Enumerable.Range(0, count).Select(i => $"BENCH-T{run}-{i:D6}").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, token) => await store.TryCreateAsync(Case(id, 0, triaged: false), token));
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, token) =>
            await queue.SendAsync(PipelineQueue.Triage, new CaseWorkItem(id, "benchmark"), $"{id}:triage:benchmark", token));
        var pending = ids.ToHashSet();
        while (pending.Count > 0 && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            foreach (var id in pending.Take(200).ToList())
            {
                if ((await store.GetAsync(id))?.Triage is not null)
                {
                    pending.Remove(id);
                }
            }

            await Task.Delay(100);
        }

        Console.WriteLine($"triaged={count - pending.Count} of {count} seconds={clock.Elapsed.TotalSeconds:0.0} triage_per_second={(count - pending.Count) / clock.Elapsed.TotalSeconds:0.0}");
        break;
    }

    default:
        Console.Error.WriteLine("usage: seed <cases> | pages <baseUrl> <requests> | triage <cases>");
        return 2;
}

return 0;

static SafetyCase Case(string id, int i, bool triaged)
{
    var categories = new[] { "sextortion", "ncii", "csam", "harassment", "other" };
    var now = DateTimeOffset.UtcNow;
    var category = categories[i % categories.Length];
    return new SafetyCase
    {
        Id = id,
        Category = category,
        Origin = CaseOrigin.Report,
        Status = triaged ? CaseStatus.InReview : CaseStatus.Received,
        OpenedAt = now,
        DueBy = now + TimeSpan.FromMinutes(30 + (i % 2880)),
        Subject = new ReportedSubject(null, null, $"@bench-{i % 5000}", null),
        Justification = "Benchmark case.",
        InvolvesMinor = i % 7 == 0,
        Triage = triaged ? new TriageAssessment(10 + (i % 90), ["benchmark"], TriageRoute.ModeratorQueue, now) : null,
        Timeline = [new CaseEvent(now, "received", null, "system", "benchmark")],
    };
}

static async Task<List<double>> TimeAsync(HttpClient http, int requests, Func<int, string> path)
{
    var times = new List<double>(requests);
    for (var i = 0; i < requests; i++)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path(i));
        await response.Content.ReadAsByteArrayAsync();
        times.Add(clock.Elapsed.TotalMilliseconds);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path(i)} answered {(int)response.StatusCode}.");
        }
    }

    return times;
}

static void Report(string name, List<double> times)
{
    times.Sort();
    Console.WriteLine($"{name}: requests={times.Count} median_ms={times[times.Count / 2]:0.0} p99_ms={times[(int)Math.Ceiling(times.Count * 0.99) - 1]:0.0}");
}
