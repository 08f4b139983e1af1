using Microsoft.Extensions.Options;

namespace ServerlessSafety.Domain.Offenders.Webhooks;

/// <summary>Posts enforcement events, HMAC-signed (see <see cref="WebhookSignature"/>), to the platform's webhook.</summary>
public sealed class WebhookEnforcementEventSink : IEnforcementEventSink
{
    /// <summary>The name of the <see cref="HttpClient"/> built with <see cref="GuardedWebhookHandler"/>.</summary>
    public const string HttpClientName = "enforcement-webhook";

    /// <summary>The header carrying the event id, for the receiver's duplicate check.</summary>
    public const string EventIdHeader = "X-Safety-Event-Id";

    private readonly IHttpClientFactory _clients;
    private readonly EnforcementWebhookOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the sink.</summary>
    public WebhookEnforcementEventSink(IHttpClientFactory clients, IOptions<EnforcementWebhookOptions> options, TimeProvider time)
    {
        _clients = clients;
        _options = options.Value;
        _time = time;
    }

    /// <inheritdoc />
    public async Task PublishAsync(EnforcementEvent enforcementEvent, CancellationToken cancellationToken = default)
    {
        if (_options.Url is null)
        {
            return;
        }

        var body = EnforcementEventJson.Serialize(enforcementEvent);
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(_options.SigningSecret!, timestamp, body));
        request.Headers.Add(EventIdHeader, enforcementEvent.Id);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        using var response = await _clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The enforcement webhook answered {(int)response.StatusCode} to event {enforcementEvent.Id}.", null, response.StatusCode);
        }
    }
}
