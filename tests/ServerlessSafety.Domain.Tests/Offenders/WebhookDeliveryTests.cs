using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessSafety.Domain.DependencyInjection;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Offenders.Webhooks;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Tests.Offenders;

/// <summary>The webhook sink against a real HTTP listener on this machine.</summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "webhook-secret-for-tests-0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private readonly HttpListener _listener = new();
    private readonly string _url;
    private readonly List<(string? Timestamp, string? Signature, string? EventId, byte[] Body)> _received = [];
    private readonly Task _serving;
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));

    public WebhookDeliveryTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_url);
        _listener.Start();
        _serving = ServeAsync();
    }

    private static readonly EnforcementEvent Event = new("case-1:consequence-applied", EnforcementEvent.Applied, "acct", "case-1", "harassment", ConsequenceAction.Warning, null, 0, Now);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var path = context.Request.Url!.AbsolutePath;
            if (path == "/redirect")
            {
                context.Response.StatusCode = 302;
                context.Response.RedirectLocation = "http://169.254.169.254/latest/meta-data";
            }
            else if (path == "/fail")
            {
                context.Response.StatusCode = 500;
            }
            else
            {
                lock (_received)
                {
                    _received.Add((context.Request.Headers[WebhookSignature.TimestampHeader], context.Request.Headers[WebhookSignature.SignatureHeader], context.Request.Headers[WebhookEnforcementEventSink.EventIdHeader], body.ToArray()));
                }

                context.Response.StatusCode = 204;
            }

            context.Response.Close();
        }
    }

    private IEnforcementEventSink Sink(string path, bool allowLoopback, bool https = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Enforcement:Webhook:Url"] = (https ? _url.Replace("http:", "https:", StringComparison.Ordinal) : _url) + path,
            ["Enforcement:Webhook:SigningSecret"] = Secret,
            ["Enforcement:Webhook:AllowLoopback"] = allowLoopback ? "true" : "false",
            ["Enforcement:Webhook:TimeoutSeconds"] = "10",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddSafetyOffenders(configuration);
        return services.BuildServiceProvider().GetServices<IEnforcementEventSink>().OfType<WebhookEnforcementEventSink>().Single();
    }

    private static Exception? Innermost<T>(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T)
            {
                return current;
            }
        }

        return null;
    }

    [Fact]
    public async Task Publish_LoopbackAllowed_DeliversASignedEvent()
    {
        await Sink("hook", allowLoopback: true).PublishAsync(Event);

        var delivery = Assert.Single(_received);
        Assert.Equal(Event.Id, delivery.EventId);
        Assert.True(WebhookSignature.Verify(Secret, delivery.Timestamp, delivery.Signature, delivery.Body, Now));
        Assert.Equal(Event, System.Text.Json.JsonSerializer.Deserialize<EnforcementEvent>(delivery.Body, EnforcementEventJson.Options));
    }

    [Fact]
    public async Task Publish_LoopbackNotAllowed_IsRefusedBeforeConnecting()
    {
        // https: plain http to loopback is refused earlier, by the options check.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Sink("hook", allowLoopback: false, https: true).PublishAsync(Event));

        Assert.NotNull(Innermost<WebhookAddressRefusedException>(error));
        Assert.Empty(_received);
    }

    [Fact]
    public async Task Publish_RedirectToLinkLocal_IsRefused()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Sink("redirect", allowLoopback: true).PublishAsync(Event));

        Assert.NotNull(Innermost<WebhookAddressRefusedException>(error));
    }

    [Fact]
    public async Task Publish_ErrorAnswer_Throws()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Sink("fail", allowLoopback: true).PublishAsync(Event));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public void Options_PlainHttpWithoutLoopbackSetting_FailsValidation()
        => Assert.ThrowsAny<Microsoft.Extensions.Options.OptionsValidationException>(() => Sink("hook", allowLoopback: false));

    [Fact]
    public void Options_UrlWithoutSecret_FailsValidation()
    {
        var options = new EnforcementWebhookOptions { Url = new Uri("https://hooks.example.org/x") };

        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(results, r => r.ErrorMessage!.Contains("SigningSecret", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
