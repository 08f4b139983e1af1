namespace ServerlessSafety.ServiceBusEmulator.Amqp;

/// <summary>What a valid SAS token grants: access to <paramref name="Resource"/> (a URI) until <paramref name="ExpiresAt"/>.</summary>
internal sealed record SignedAudience(string Resource, DateTime ExpiresAt)
{
    /// <summary>Whether the grant covers <paramref name="entityPath"/> (a namespace-wide token covers every entity).</summary>
    public bool Covers(string entityPath, DateTime now)
    {
        if (ExpiresAt <= now)
        {
            return false;
        }

        var path = Uri.TryCreate(Resource, UriKind.Absolute, out var uri) ? uri.AbsolutePath : Resource;
        path = path.Trim('/');
        return path.Length == 0
            || string.Equals(entityPath, path, StringComparison.OrdinalIgnoreCase)
            || entityPath.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase);
    }
}
