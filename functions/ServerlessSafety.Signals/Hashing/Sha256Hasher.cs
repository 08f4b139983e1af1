using System.Security.Cryptography;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Hashing;

/// <summary>SHA-256 of the bytes.</summary>
public sealed class Sha256Hasher() : DigestHasher(Sha256Signal.Instance, HashAlgorithmName.SHA256);
