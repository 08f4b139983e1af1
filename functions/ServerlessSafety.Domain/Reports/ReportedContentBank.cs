using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Screening;

namespace ServerlessSafety.Domain.Reports;

/// <summary>
/// Banks what a report names in the <c>reported</c> bank: the reporter's on-device hashes and the hashes of the
/// evidence files, so the same picture is stopped at its next upload, re-encoded or mirrored.
/// </summary>
public sealed class ReportedContentBank : IReportedContentBank
{
    /// <summary>The bank reported content goes to.</summary>
    public const string BankName = "reported";

    private readonly IBankStore _bank;
    private readonly IContentVault _vault;
    private readonly UploadHasher _hasher;
    private readonly TimeProvider _time;

    /// <summary>Creates the adapter.</summary>
    public ReportedContentBank(IBankStore bank, IContentVault vault, UploadHasher hasher, TimeProvider time)
    {
        _bank = bank;
        _vault = vault;
        _hasher = hasher;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContentHash>> AddReportedAsync(SafetyCase safetyCase, CancellationToken cancellationToken = default)
    {
        var hashes = new List<ContentHash>(safetyCase.Hashes);
        foreach (var file in safetyCase.Files)
        {
            await using var content = await _vault.OpenReadAsync(new BlobLocation(file.Container, file.BlobName), cancellationToken);
            if (content is null)
            {
                continue;
            }

            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            var hashed = _hasher.Hash(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)).Hashes;
            hashes.Add(new ContentHash("sha256", hashed.Sha256!));
            hashes.Add(new ContentHash("md5", hashed.Md5!));
            if (hashed.Pdq is { } pdq)
            {
                hashes.Add(new ContentHash("pdq", pdq, hashed.PdqQuality));
            }
        }

        var distinct = hashes.DistinctBy(h => (h.SignalType, h.Value)).ToList();
        var now = _time.GetUtcNow();
        foreach (var hash in distinct)
        {
            await _bank.AddAsync(hash, new BankMembership(BankName, "case", now, hash.Quality, safetyCase.Id), cancellationToken);
        }

        return distinct;
    }
}
