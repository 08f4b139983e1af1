using Microsoft.AspNetCore.Http;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>The queue filter from a query string or a form: <c>category</c>, <c>minor=true</c>, <c>account</c>, <c>limit</c>.</summary>
public static class QueueFilterReader
{
    /// <summary>Reads the filter; an unknown category or an over-long account is ignored rather than refused.</summary>
    public static QueueFilter Read(Func<string, string?> field, SafetyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(policy);
        var account = field("account")?.Trim();
        return new QueueFilter(
            policy.FindCategory(field("category") ?? string.Empty)?.Id,
            field("minor") == "true",
            string.IsNullOrEmpty(account) ? null : account,
            int.TryParse(field("limit"), out var limit) ? limit : 100).Bounded();
    }

    /// <summary>Reads the filter from the query string.</summary>
    public static QueueFilter FromQuery(HttpRequest request, SafetyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Read(name => request.Query.TryGetValue(name, out var v) ? v.ToString() : null, policy);
    }
}
