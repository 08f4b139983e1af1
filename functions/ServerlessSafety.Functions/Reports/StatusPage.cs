using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Functions.Http;
using ServerlessSafety.Functions.Pages;

namespace ServerlessSafety.Functions.Reports;

/// <summary><c>/api/status</c>: the status page; the code comes from a form post, never from the URL.</summary>
public sealed class StatusPage
{
    private readonly ReportStatus _status;
    private readonly ReportPageRenderer _pages;

    /// <summary>Creates the function.</summary>
    public StatusPage(ReportStatus status, ReportPageRenderer pages)
    {
        _status = status;
        _pages = pages;
    }

    /// <summary>GET shows the form; POST shows the case's timeline, or the same "not found" for any mismatch.</summary>
    [Function(nameof(StatusPage))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "status")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        PageLayout.AddSecurityHeaders(request.HttpContext.Response);
        if (HttpMethods.IsGet(request.Method) || !request.HasFormContentType)
        {
            return _pages.StatusForm();
        }

        var body = await BoundedBody.ReadAsync(request, 4096, cancellationToken);
        if (body is null)
        {
            return _pages.StatusForm(notFound: true);
        }

        request.Body = new MemoryStream(body, writable: false);
        var form = await request.ReadFormAsync(cancellationToken);
        var view = await _status.GetAsync(form["caseId"].ToString().Trim(), form["statusToken"].ToString().Trim(), cancellationToken);
        return view is null ? _pages.StatusForm(notFound: true) : _pages.Status(view);
    }
}
