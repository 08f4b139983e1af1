using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Banks.Import;
using ServerlessSafety.Functions.Http;

namespace ServerlessSafety.Functions.Screening;

/// <summary>
/// <c>POST /api/banks/{bank}/imports/{format}</c>: applies a StopNCII or NCMEC hash list (JSON lines, or CSV with a
/// header row) to a bank, withdrawals included, and answers the import summary. Admin key only: it changes what
/// every upload is matched against.
/// </summary>
/// <remarks>
/// The body is streamed, never buffered whole, and refused past <see cref="MaxListBytes"/>. Imports are idempotent,
/// so a failed or cut-off import is sent again from the start; the summary's checkpoint says how far it got.
/// </remarks>
public sealed class ImportHashList
{
    /// <summary>The largest list accepted in one request (the host's own request limit is 100 MB).</summary>
    public const long MaxListBytes = 100L * 1000 * 1000;

    private readonly HashListImporter _importer;
    private readonly BankCatalog _catalog;

    /// <summary>Creates the function.</summary>
    public ImportHashList(HashListImporter importer, BankCatalog catalog)
    {
        _importer = importer;
        _catalog = catalog;
    }

    /// <summary>Imports the list in the body.</summary>
    [Function(nameof(ImportHashList))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "banks/{bank}/imports/{format}")] HttpRequest request,
        string bank,
        string format,
        CancellationToken cancellationToken)
    {
        if (_catalog.Find(bank) is null)
        {
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "No such bank.", "The bank is not configured under HashMatching:Banks.");
        }

        if (HashListFormats.Find(format) is not { } listFormat)
        {
            return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Unknown list format.", "Use stopncii or ncmec.");
        }

        if (request.ContentLength > MaxListBytes)
        {
            return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "The list is too large.", $"Split it into parts of at most {MaxListBytes} bytes.");
        }

        await using var body = new BoundedReadStream(request.Body, MaxListBytes);
        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        try
        {
            var summary = await _importer.ImportAsync(new HashListFileSource(reader, listFormat), bank, cancellationToken: cancellationToken);
            return new OkObjectResult(summary);
        }
        catch (BoundedReadStream.LimitExceededException)
        {
            return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "The list is too large.", $"What was read before the limit was imported; split the rest into parts of at most {MaxListBytes} bytes.");
        }
        catch (DecoderFallbackException)
        {
            return ProblemResults.Problem(StatusCodes.Status400BadRequest, "The list is not UTF-8.", "What was read before the bad bytes was imported.");
        }
    }
}
