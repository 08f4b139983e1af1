using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessSafety.Domain.Reporting;

namespace ServerlessSafety.LocalCyberTipline;

/// <summary>What the local CyberTipline does instead of answering normally.</summary>
public enum CyberTiplineFailure
{
    /// <summary>HTTP 500 before doing anything.</summary>
    ServerError,

    /// <summary>HTTP 429 with Retry-After: 0.</summary>
    Throttle,

    /// <summary>Answers after <see cref="LocalCyberTiplineServer.SlowAnswer"/>, longer than the client waits.</summary>
    Slow,

    /// <summary>Aborts the connection before doing anything.</summary>
    DropBefore,

    /// <summary>Does the work, then aborts the connection: the answer is lost.</summary>
    DropAfter,

    /// <summary>Answers responseCode 1100 (a refusal; retrying cannot help).</summary>
    Refuse,
}

/// <summary>One report the local CyberTipline received.</summary>
public sealed class ReceivedReport
{
    /// <summary>The report id it answered.</summary>
    public required long Id { get; init; }

    /// <summary>The report document as received.</summary>
    public required string Xml { get; init; }

    /// <summary>Uploaded files by file id: the name sent and the bytes.</summary>
    public ConcurrentDictionary<string, (string Name, byte[] Bytes)> Files { get; } = new();

    /// <summary>The <c>fileDetails</c> documents by file id.</summary>
    public ConcurrentDictionary<string, string> FileDetails { get; } = new();

    /// <summary>Whether it was finished.</summary>
    public bool Finished { get; set; }

    /// <summary>Whether it was retracted.</summary>
    public bool Retracted { get; set; }

    /// <summary>The platform's case id, read from the report's <c>additionalInfo</c> ("Platform case {id}, ...").</summary>
    public string? CaseId => XDocument.Parse(Xml).Root?.Element("additionalInfo")?.Value.Split(' ', ',').ElementAtOrDefault(2);
}

/// <summary>
/// A local CyberTipline on Kestrel (127.0.0.1, a free port): <c>submit</c>, <c>upload</c>, <c>fileinfo</c>,
/// <c>finish</c>, <c>retract</c> and <c>status</c> behind Basic authentication, answering NCMEC's XML documents,
/// validating what it receives against the schema when one is given, keeping everything for the tests, and failing
/// on request at a chosen step.
/// </summary>
public sealed class LocalCyberTiplineServer : IAsyncDisposable
{
    /// <summary>The user name it accepts unless told otherwise (local only).</summary>
    public const string User = "esp-user";

    /// <summary>The password it accepts unless told otherwise (local only; it guards nothing outside 127.0.0.1).</summary>
    public const string Password = "esp-password";

    private readonly WebApplication _app;
    private readonly CyberTiplineSchema? _schema;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<CyberTiplineFailure>> _failures = new();
    private long _nextId = 70_000;

    private readonly byte[] _expectedAuthorization;

    private LocalCyberTiplineServer(WebApplication app, CyberTiplineSchema? schema, string user, string password)
    {
        _app = app;
        _schema = schema;
        _expectedAuthorization = Encoding.UTF8.GetBytes("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>How long a <see cref="CyberTiplineFailure.Slow"/> answer takes.</summary>
    public static TimeSpan SlowAnswer { get; } = TimeSpan.FromSeconds(3);

    /// <summary>Where it listens, ending in <c>/ispws/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every report received, by id.</summary>
    public ConcurrentDictionary<long, ReceivedReport> Reports { get; } = new();

    /// <summary>Every request as <c>operation:status</c>, in order of arrival.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Schema complaints about received documents (empty when no schema was given or all were valid).</summary>
    public ConcurrentQueue<string> SchemaProblems { get; } = new();

    /// <summary>Runs when a submit arrives, before it is processed.</summary>
    public Action? OnSubmit { get; set; }

    /// <summary>Starts it on 127.0.0.1 (<paramref name="port"/> 0: a free one), validating against <paramref name="schema"/> when given.</summary>
    public static async Task<LocalCyberTiplineServer> StartAsync(CyberTiplineSchema? schema = null, int port = 0, string user = User, string password = Password)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        // Uploads are evidence files; the platform sends up to 100 MiB by default.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 128L * 1024 * 1024);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f => f.MultipartBodyLengthLimit = 128L * 1024 * 1024);
        var app = builder.Build();
        var fake = new LocalCyberTiplineServer(app, schema, user, password);
        fake.Map();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/ispws/");
        return fake;
    }

    /// <summary>Makes the next <paramref name="times"/> calls of <paramref name="operation"/> fail as <paramref name="failure"/>.</summary>
    public void Fail(string operation, CyberTiplineFailure failure, int times = 1)
    {
        var queue = _failures.GetOrAdd(operation, _ => new ConcurrentQueue<CyberTiplineFailure>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(failure);
        }
    }

    /// <summary>How many calls of <paramref name="operation"/> arrived.</summary>
    public int Count(string operation) => Calls.Count(c => c.StartsWith(operation + ":", StringComparison.Ordinal));

    /// <summary>The finished reports of a platform case.</summary>
    public IReadOnlyList<ReceivedReport> FinishedReportsOf(string caseId) => Reports.Values.Where(r => r.Finished && r.CaseId == caseId).ToList();

    /// <summary>Stops it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map()
    {
        _app.MapPost("/ispws/submit", context => Handle(context, "submit", Submit));
        _app.MapPost("/ispws/upload", context => Handle(context, "upload", Upload));
        _app.MapPost("/ispws/fileinfo", context => Handle(context, "fileinfo", FileInfo));
        _app.MapPost("/ispws/finish", context => Handle(context, "finish", Finish));
        _app.MapPost("/ispws/retract", context => Handle(context, "retract", Retract));
        _app.MapGet("/ispws/status", context => Handle(context, "status", Status));
        // For a developer running the pipeline: make the next calls of a step fail, e.g.
        // POST /control/fail?operation=finish&failure=ServerError&times=3 (Basic authentication as for the API).
        _app.MapPost("/control/fail", context =>
        {
            var query = context.Request.Query;
            if (!Authorized(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            else if (query["operation"].ToString() is not ("submit" or "upload" or "fileinfo" or "finish" or "retract" or "status") ||
                !Enum.TryParse<CyberTiplineFailure>(query["failure"], ignoreCase: true, out var failure) ||
                !int.TryParse(query["times"].ToString() is { Length: > 0 } t ? t : "1", NumberStyles.Integer, CultureInfo.InvariantCulture, out var times) || times is < 1 or > 1000)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            else
            {
                Fail(query["operation"].ToString(), failure, times);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            }

            return Task.CompletedTask;
        });
    }

    private static Task<XElement> Status(HttpContext context) => Task.FromResult(Response(0, "Server is up"));

    private async Task Handle(HttpContext context, string operation, Func<HttpContext, Task<XElement>> work)
    {
        if (!Authorized(context.Request))
        {
            Calls.Enqueue($"{operation}:401");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        CyberTiplineFailure? failure = _failures.TryGetValue(operation, out var queue) && queue.TryDequeue(out var f) ? f : null;
        Calls.Enqueue($"{operation}:{failure?.ToString() ?? "ok"}");
        switch (failure)
        {
            case CyberTiplineFailure.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            case CyberTiplineFailure.Throttle:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "0";
                return;
            case CyberTiplineFailure.Slow:
                await Task.Delay(SlowAnswer, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            case CyberTiplineFailure.DropBefore:
                context.Features.Get<IHttpRequestLifetimeFeature>()!.Abort();
                return;
            case CyberTiplineFailure.Refuse:
                await Write(context, Response(1100, "Refused"));
                return;
        }

        var answer = await work(context);
        if (failure == CyberTiplineFailure.DropAfter)
        {
            context.Features.Get<IHttpRequestLifetimeFeature>()!.Abort();
            return;
        }

        await Write(context, answer);
    }

    private async Task<XElement> Submit(HttpContext context)
    {
        OnSubmit?.Invoke();
        var xml = await ReadText(context);
        if (!Valid(xml, "report"))
        {
            return Response(1000, "Invalid report XML");
        }

        var id = Interlocked.Increment(ref _nextId);
        Reports[id] = new ReceivedReport { Id = id, Xml = xml };
        return Response(0, "Success", new XElement("reportId", id));
    }

    private async Task<XElement> Upload(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (!TryReport(form["id"], out var report) || form.Files.GetFile("file") is not { } file)
        {
            return Response(2000, "Unknown report or no file");
        }

        if (report.Finished || report.Retracted)
        {
            return Response(5102, "Report already finished");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var fileId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        report.Files[fileId] = (file.FileName, buffer.ToArray());
        return Response(0, "Success", new XElement("reportId", report.Id), new XElement("fileId", fileId), new XElement("hash", Convert.ToHexStringLower(MD5.HashData(buffer.ToArray()))));
    }

    private async Task<XElement> FileInfo(HttpContext context)
    {
        var xml = await ReadText(context);
        if (!Valid(xml, "fileDetails"))
        {
            return Response(1000, "Invalid fileDetails XML");
        }

        var root = XDocument.Parse(xml).Root!;
        if (!TryReport(root.Element("reportId")?.Value, out var report) || root.Element("fileId")?.Value is not { } fileId || !report.Files.ContainsKey(fileId))
        {
            return Response(2000, "Unknown report or file");
        }

        report.FileDetails[fileId] = xml;
        return Response(0, "Success", new XElement("reportId", report.Id));
    }

    private async Task<XElement> Finish(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (!TryReport(form["id"], out var report) || report.Retracted)
        {
            return Response(2000, "Unknown or retracted report");
        }

        lock (report)
        {
            if (report.Finished)
            {
                return Response(5102, "Report already finished", new XElement("reportId", report.Id));
            }

            report.Finished = true;
        }

        return new XElement("reportDoneResponse",
            new XElement("responseCode", 0),
            new XElement("reportId", report.Id),
            new XElement("files", report.Files.Keys.Select(k => new XElement("fileId", k))));
    }

    private async Task<XElement> Retract(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (!TryReport(form["id"], out var report) || report.Finished)
        {
            return Response(2000, "Unknown or finished report");
        }

        report.Retracted = true;
        return Response(0, "Success", new XElement("reportId", report.Id));
    }

    private bool Valid(string xml, string root)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (System.Xml.XmlException e)
        {
            SchemaProblems.Enqueue(e.Message);
            return false;
        }

        if (document.Root?.Name.LocalName != root)
        {
            SchemaProblems.Enqueue($"root is {document.Root?.Name}, not {root}");
            return false;
        }

        var problems = _schema?.Validate(document) ?? [];
        foreach (var problem in problems)
        {
            SchemaProblems.Enqueue(problem);
        }

        return problems.Count == 0;
    }

    private bool TryReport(string? id, out ReceivedReport report)
    {
        report = null!;
        return long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && Reports.TryGetValue(parsed, out report!);
    }

    private bool Authorized(HttpRequest request)
        => CryptographicOperations.FixedTimeEquals(_expectedAuthorization, Encoding.UTF8.GetBytes(request.Headers.Authorization.ToString()));

    private static XElement Response(int code, string description, params XElement[] rest)
        => new("reportResponse", new XElement("responseCode", code), new XElement("responseDescription", description), rest);

    private static async Task<string> ReadText(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static Task Write(HttpContext context, XElement answer)
    {
        context.Response.ContentType = "text/xml; charset=utf-8";
        return context.Response.WriteAsync(new XDocument(answer).ToString());
    }
}
