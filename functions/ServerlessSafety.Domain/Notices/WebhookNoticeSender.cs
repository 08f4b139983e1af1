using System.Net.Http.Headers;
using System.Text.Json;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Webhooks;

namespace ServerlessSafety.Domain.Notices;

/// <summary>Delivers notices as signed JSON POSTs to the reporter's webhook, through the address guard.</summary>
public sealed class WebhookNoticeSender : INoticeSender
{
    /// <summary>The named HttpClient, configured with <see cref="GuardedWebhookHandler"/>.</summary>
    public const string HttpClientName = "notice-webhooks";

    private readonly IHttpClientFactory _clients;
    private readonly WebhookSignature _signature;
    private readonly TimeProvider _time;

    /// <summary>Creates the sender.</summary>
    public WebhookNoticeSender(IHttpClientFactory clients, NoticeWebhookSigner signer, TimeProvider time)
    {
        _clients = clients;
        _signature = signer.Signature;
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
        request.Headers.Add(WebhookSignature.Header, _signature.Sign(body, now));
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
        catch (HttpRequestException e) when (e.InnerException is WebhookRefusedException)
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
