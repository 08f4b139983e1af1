using System.Security.Cryptography;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Hashing;

/// <summary>MD5 of the bytes: broken as a cryptographic hash, still the exchange format of NCMEC and StopNCII lists.</summary>
public sealed class Md5Hasher() : DigestHasher(Md5Signal.Instance, HashAlgorithmName.MD5);
