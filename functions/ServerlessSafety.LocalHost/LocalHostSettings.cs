namespace ServerlessSafety.LocalHost;

/// <summary>The settings the local host itself reads, besides the app's own.</summary>
/// <remarks>
/// Put them in <c>local.settings.json</c> <c>Values</c>, as environment variables (<c>LocalHost__Port</c>) or on the
/// command line (<c>--LocalHost:Port=7072</c>).
/// </remarks>
public static class LocalHostSettings
{
    /// <summary>The HTTP port on 127.0.0.1; 7071 by default, 0 for any free port.</summary>
    public const string Port = "LocalHost:Port";

    /// <summary>The key that opens <c>AuthorizationLevel.Function</c> endpoints (header <c>x-functions-key</c> or query <c>code</c>).</summary>
    public const string FunctionKey = "LocalHost:FunctionKey";

    /// <summary>The master key: opens <c>Function</c> and <c>Admin</c> endpoints.</summary>
    public const string MasterKey = "LocalHost:MasterKey";

    /// <summary>The path of <c>local.settings.json</c>, when not beside the host's binaries.</summary>
    public const string SettingsFile = "LocalHost:SettingsFile";

    /// <summary>Names the host in blob receipts, so two apps on one storage account keep theirs apart; <c>local-host</c> by default.</summary>
    public const string HostId = "LocalHost:HostId";

    /// <summary>How often blob containers are listed for new blobs (a TimeSpan); 2 seconds by default.</summary>
    public const string BlobPollingInterval = "LocalHost:BlobPollingInterval";

    /// <summary>The longest wait between two polls of the Durable Task queues (a TimeSpan); 30 seconds by default, as in Azure.</summary>
    public const string DurableMaxPollingInterval = "LocalHost:DurableMaxPollingInterval";
}
