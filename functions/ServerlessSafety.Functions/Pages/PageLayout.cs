using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ServerlessSafety.Functions.Pages;

/// <summary>
/// The shell of every page the app serves to people: mobile first, readable contrast, visible focus, no script,
/// and a content security policy that allows none.
/// </summary>
public static class PageLayout
{
    private const string Style = """
        :root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
        body{margin:0 auto;max-width:42rem;padding:1rem}
        h1{font-size:1.6rem} h2{font-size:1.25rem;margin-top:2rem}
        a{color:#0b4f9c} a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #0b4f9c;outline-offset:2px}
        label{display:block;font-weight:600;margin-top:1rem}
        .hint{display:block;font-weight:400;color:#444;font-size:.95rem}
        input[type=text],input[type=url],input[type=email],select,textarea{box-sizing:border-box;width:100%;padding:.6rem;font-size:1rem;border:2px solid #555;border-radius:4px}
        textarea{min-height:8rem}
        fieldset{border:2px solid #555;border-radius:4px;margin-top:1rem} legend{font-weight:600}
        .choice{display:flex;gap:.5rem;align-items:center;font-weight:400;margin-top:.4rem}
        button{margin-top:1.5rem;padding:.75rem 1.5rem;font-size:1.05rem;background:#0b4f9c;color:#fff;border:0;border-radius:4px;cursor:pointer}
        .errors{border:3px solid #b00020;padding:1rem;border-radius:4px} .errors h2{margin-top:0;color:#b00020}
        .field-error{color:#b00020;font-weight:600;display:block}
        .notice{background:#eef4fb;border-left:6px solid #0b4f9c;padding:1rem}
        .secret{font-family:ui-monospace,monospace;font-size:1.1rem;word-break:break-all;background:#f4f4f4;padding:.5rem}
        ol.timeline li{margin-bottom:.75rem}
        """;

    /// <summary>A complete HTML page with <paramref name="body"/> (already encoded) as its main content.</summary>
    public static ContentResult Page(string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<title>").Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<main id=\"main\">").Append(body).Append("</main></body></html>");
        return new ContentResult { Content = html.ToString(), ContentType = "text/html; charset=utf-8", StatusCode = status };
    }

    /// <summary>Adds the headers every page carries.</summary>
    public static void AddSecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>HTML-encodes text for element content and attribute values.</summary>
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");
}
