using System.Net.Http.Headers;
using System.Text.Json;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Offenders.Webhooks;

namespace ServerlessSafety.Domain.Notices;

/// <summary>
/// Delivers notices as JSON POSTs to the reporter's webhook, signed as <see cref="WebhookSignature"/> describes and
/// sent only to addresses <see cref="WebhookAddressGuard"/> allows (the same guard as enforcement webhooks).
/// </summary>
public sealed class WebhookNoticeSender : INoticeSender
{
    /// <summary>The named HttpClient, configured with <see cref="GuardedWebhookHandler"/>.</summary>
    public const string HttpClientName = "notice-webhooks";

    private readonly IHttpClientFactory _clients;
    private readonly string _secret;
    private readonly TimeProvider _time;

    /// <summary>Creates the sender.</summary>
    public WebhookNoticeSender(IHttpClientFactory clients, NoticeWebhookSigner signer, TimeProvider time)
    {
        _clients = clients;
        _secret = signer.Secret;
        _time = time;
    }

    /// <inheritdoc />
    public ContactKind Kind => ContactKind.Webhook;

    /// <inheritdoc />
    public async Task<string> SendAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var body = JsonSerializer.SerializeToUtf8Bytes(new { notice.CaseId, notice.Kind, notice.Text, at = now }, JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(HttpMethod.Post, notice.Channel!.Address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var timestamp = now.ToUnixTimeSeconds();
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(_secret, timestamp, body));
        request.Headers.Add("Idempotency-Key", notice.Id);
        try
        {
            using var response = await _clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return $"HTTP {code}";
            }

            throw new NoticeDeliveryException($"HTTP {code}", isTransient: code is 408 or 429 or >= 500);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefusedException)
        {
            throw new NoticeDeliveryException("address refused", isTransient: false);
        }
        catch (HttpRequestException e)
        {
            throw new NoticeDeliveryException($"network error ({e.HttpRequestError})", isTransient: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NoticeDeliveryException("timeout", isTransient: true);
        }
    }
}
