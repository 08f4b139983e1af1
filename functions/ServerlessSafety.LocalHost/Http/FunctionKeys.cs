using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessSafety.LocalHost.Http;

/// <summary>
/// The authorization levels of HTTP triggers: <c>Anonymous</c> is open, <c>Function</c> takes the function key or the
/// master key, <c>Admin</c> and <c>System</c> take the master key. The key comes in the <c>x-functions-key</c> header
/// or the <c>code</c> query parameter and is compared in constant time.
/// </summary>
internal sealed class FunctionKeys
{
    private readonly byte[]? _functionKey;
    private readonly byte[]? _masterKey;

    public FunctionKeys(string? functionKey, string? masterKey)
    {
        _functionKey = Digest(functionKey);
        _masterKey = Digest(masterKey);
    }

    public bool HasFunctionKey => _functionKey is not null;

    public bool HasMasterKey => _masterKey is not null;

    public bool Allows(AuthorizationLevel level, HttpRequest request)
    {
        if (level == AuthorizationLevel.Anonymous)
        {
            return true;
        }

        var presented = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        var digest = Digest(presented);
        if (digest is null)
        {
            return false;
        }

        var isMaster = Matches(digest, _masterKey);
        return level == AuthorizationLevel.Function ? isMaster | Matches(digest, _functionKey) : isMaster;
    }

    // Hashing first gives equal lengths, so the comparison's time says nothing about the key.
    private static byte[]? Digest(string? key) => string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static bool Matches(byte[] presented, byte[]? expected) => expected is not null && CryptographicOperations.FixedTimeEquals(presented, expected);
}
