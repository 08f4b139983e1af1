using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>The CyberTipline API over HTTP with Basic authentication, each call retried by <see cref="CyberTiplineRetryPipeline"/>.</summary>
/// <remarks>
/// The credentials are read from the settings <see cref="NcmecOptions"/> names at every call, so a rotated Key Vault
/// secret is picked up without a restart. Nothing of a report, a file or the credentials is logged.
/// </remarks>
public sealed class HttpCyberTiplineClient : ICyberTiplineClient
{
    private readonly HttpClient _http;
    private readonly NcmecOptions _options;
    private readonly IConfiguration _configuration;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Uri _baseUrl;
    private readonly ILogger<HttpCyberTiplineClient> _logger;

    /// <summary>Creates the client over <paramref name="http"/> (its own timeout should be infinite; the pipeline times each try).</summary>
    public HttpCyberTiplineClient(HttpClient http, IOptions<NcmecOptions> options, IConfiguration configuration, TimeProvider time, ILogger<HttpCyberTiplineClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _configuration = configuration;
        _logger = logger;
        _pipeline = CyberTiplineRetryPipeline.Create(_options, time, logger);
        var text = _options.BaseUrl.ToString();
        _baseUrl = new Uri(text.EndsWith('/') ? text : text + "/");
    }

    /// <inheritdoc />
    public async Task<long> SubmitAsync(XDocument report, CancellationToken cancellationToken = default)
    {
        var xml = CyberTiplineXml.ToText(report);
        var response = await CallAsync("submit", null, () => XmlContent(xml), cancellationToken);
        return response.ReportId ?? throw new CyberTiplineException("submit", "the answer has no reportId", isTransient: false, responseCode: response.Code);
    }

    /// <inheritdoc />
    public async Task<CyberTiplineUpload> UploadAsync(long reportId, string fileName, string contentType, Func<CancellationToken, Task<Stream>> openContent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(openContent);
        var response = await CallAsync("upload", reportId, async ct =>
        {
            var file = new StreamContent(await openContent(ct));
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return new MultipartFormDataContent
            {
                { new StringContent(reportId.ToString(CultureInfo.InvariantCulture)), "id" },
                { file, "file", fileName },
            };
        }, cancellationToken);
        return new CyberTiplineUpload(
            response.FileId ?? throw new CyberTiplineException("upload", "the answer has no fileId", isTransient: false, reportId, response.Code),
            response.Hash);
    }

    /// <inheritdoc />
    public async Task SendFileDetailsAsync(XDocument fileDetails, CancellationToken cancellationToken = default)
    {
        var xml = CyberTiplineXml.ToText(fileDetails);
        var reportId = long.TryParse(fileDetails.Root?.Element("reportId")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        await CallAsync("fileinfo", reportId, () => XmlContent(xml), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CyberTiplineFinish> FinishAsync(long reportId, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync("finish", reportId, () => IdContent(reportId), cancellationToken, CyberTiplineResponse.AlreadyFinished);
        return response.Code == CyberTiplineResponse.AlreadyFinished ? CyberTiplineFinish.AlreadyFinished : CyberTiplineFinish.Finished;
    }

    /// <inheritdoc />
    public Task RetractAsync(long reportId, CancellationToken cancellationToken = default)
        => CallAsync("retract", reportId, () => IdContent(reportId), cancellationToken);

    /// <inheritdoc />
    public async Task<CyberTiplineStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await CallAsync("status", null, () => null, cancellationToken);
            Log.StatusChecked(_logger, true);
            return new CyberTiplineStatus(true, response.Description ?? "ok");
        }
        catch (CyberTiplineException e)
        {
            Log.StatusChecked(_logger, false);
            return new CyberTiplineStatus(false, e.Message);
        }
    }

    private Task<CyberTiplineResponse> CallAsync(string operation, long? reportId, Func<HttpContent?> content, CancellationToken cancellationToken, int acceptedCode = CyberTiplineResponse.Success)
        => CallAsync(operation, reportId, _ => Task.FromResult(content()), cancellationToken, acceptedCode);

    private async Task<CyberTiplineResponse> CallAsync(string operation, long? reportId, Func<CancellationToken, Task<HttpContent?>> content, CancellationToken cancellationToken, int acceptedCode = CyberTiplineResponse.Success)
    {
        var authorization = Authorization(operation);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(async ct =>
            {
                using var request = new HttpRequestMessage(operation == "status" ? HttpMethod.Get : HttpMethod.Post, new Uri(_baseUrl, operation))
                {
                    Content = await content(ct),
                };
                request.Headers.Authorization = authorization;
                return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            }, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            throw new CyberTiplineException(operation, $"no answer after {_options.HttpRetries + 1} tries ({e.GetType().Name})", isTransient: true, reportId, innerException: e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (CyberTiplineRetryPipeline.IsTransient(response.StatusCode))
            {
                throw new CyberTiplineException(operation, $"HTTP {status} after {_options.HttpRetries + 1} tries", isTransient: true, reportId, httpStatus: status);
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new CyberTiplineException(operation, $"HTTP {status}: the credentials were refused", isTransient: false, reportId, httpStatus: status);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            CyberTiplineResponse parsed;
            try
            {
                parsed = CyberTiplineResponse.Parse(body);
            }
            catch (FormatException e)
            {
                throw new CyberTiplineException(operation, $"HTTP {status} with an unreadable answer", isTransient: false, reportId, httpStatus: status, innerException: e);
            }

            if (parsed.Code != CyberTiplineResponse.Success && parsed.Code != acceptedCode)
            {
                throw new CyberTiplineException(operation, $"response code {parsed.Code}", isTransient: false, reportId, parsed.Code, status);
            }

            return parsed;
        }
    }

    private AuthenticationHeaderValue Authorization(string operation)
    {
        var user = _configuration[_options.UsernameSetting];
        var password = _configuration[_options.PasswordSetting];
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
        {
            throw new CyberTiplineException(operation, $"credentials are not configured: set '{_options.UsernameSetting}' and '{_options.PasswordSetting}'", isTransient: false);
        }

        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    private static StringContent XmlContent(string xml) => new(xml, new UTF8Encoding(false), "text/xml");

    private static FormUrlEncodedContent IdContent(long reportId)
        => new([new KeyValuePair<string, string>("id", reportId.ToString(CultureInfo.InvariantCulture))]);
}
