using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Notices;
using ServerlessSafety.Domain.Tests.Fakes;
using ServerlessSafety.Domain.Offenders.Webhooks;

namespace ServerlessSafety.Domain.Tests.Notices;

/// <summary>Delivers to a real HTTP listener on loopback, as a reporter's webhook would receive them.</summary>
public sealed class NoticeDispatcherTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _url;
    private readonly ConcurrentQueue<(string? Timestamp, string? Signature, byte[] Body)> _received = new();
    private readonly InMemoryNoticeOutbox _outbox = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly string _secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private int _failuresToServe;

    public NoticeDispatcherTests()
    {
        var port = FreePort();
        _url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(_url);
        _listener.Start();
        _ = ServeAsync();
    }

    [Fact]
    public async Task Deliver_Webhook_IsSignedAndVerifiable()
    {
        await _outbox.AddAsync(NewNotice());

        Assert.Equal(1, await Dispatcher(allowLoopback: true).DeliverDueAsync());

        var (timestamp, signature, body) = Assert.Single(_received);
        Assert.True(WebhookSignature.Verify(_secret, timestamp, signature, body, _time.GetUtcNow()));
        Assert.Contains("We received your report", System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(NoticeState.Delivered, _outbox.Notices["SS-1:received"].State);
    }

    [Fact]
    public async Task Deliver_ServerError_RetriesWithBackoff_ThenDelivers()
    {
        _failuresToServe = 2;
        await _outbox.AddAsync(NewNotice());
        var dispatcher = Dispatcher(allowLoopback: true);

        Assert.Equal(0, await dispatcher.DeliverDueAsync());
        Assert.Equal(0, await dispatcher.DeliverDueAsync());
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await dispatcher.DeliverDueAsync());
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, await dispatcher.DeliverDueAsync());

        var notice = _outbox.Notices["SS-1:received"];
        Assert.Equal([false, false, true], notice.Attempts.Select(a => a.Succeeded));
        Assert.Equal("HTTP 503", notice.Attempts[0].Outcome);
    }

    [Fact]
    public async Task Deliver_AlwaysFailing_IsDeadAfterTheBound()
    {
        _failuresToServe = int.MaxValue;
        await _outbox.AddAsync(NewNotice());
        var dispatcher = Dispatcher(allowLoopback: true);

        for (var i = 0; i < NoticeDispatcher.MaxAttempts; i++)
        {
            await dispatcher.DeliverDueAsync();
            _time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(NoticeState.Dead, _outbox.Notices["SS-1:received"].State);
        Assert.Equal(NoticeDispatcher.MaxAttempts, _outbox.Notices["SS-1:received"].Attempts.Count);
    }

    [Fact]
    public async Task Deliver_LoopbackWithoutTheSetting_IsRefusedAndNeverSent()
    {
        await _outbox.AddAsync(NewNotice());

        await Dispatcher(allowLoopback: false).DeliverDueAsync();

        var notice = _outbox.Notices["SS-1:received"];
        Assert.Equal(NoticeState.Dead, notice.State);
        Assert.Equal("address refused", Assert.Single(notice.Attempts).Outcome);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task Deliver_NoContact_IsStatusPageOnly()
    {
        await _outbox.AddAsync(NewNotice() with { Channel = null });

        await Dispatcher(allowLoopback: true).DeliverDueAsync();

        Assert.Equal(NoticeState.StatusPageOnly, _outbox.Notices["SS-1:received"].State);
    }

    public void Dispose() => _listener.Close();

    private Notice NewNotice() => new()
    {
        Id = "SS-1:received",
        CaseId = "SS-1",
        Kind = "received",
        Text = "We received your report.",
        Channel = new ContactChannel(ContactKind.Webhook, _url),
        CreatedAt = _time.GetUtcNow(),
        NextAttemptAt = _time.GetUtcNow(),
    };

    private NoticeDispatcher Dispatcher(bool allowLoopback)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookNoticeSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => GuardedWebhookHandler.Create(allowLoopback));
        var clients = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var sender = new WebhookNoticeSender(clients, new NoticeWebhookSigner(_secret), _time);
        return new NoticeDispatcher(_outbox, [sender], _time, NullLogger<NoticeDispatcher>.Instance);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (Interlocked.Decrement(ref _failuresToServe) >= 0)
            {
                context.Response.StatusCode = 503;
            }
            else
            {
                _received.Enqueue((context.Request.Headers[WebhookSignature.TimestampHeader], context.Request.Headers[WebhookSignature.SignatureHeader], body.ToArray()));
                context.Response.StatusCode = 204;
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
