using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Evidence;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// Reports a case to NCMEC's CyberTipline: preserves the evidence, submits the report, uploads and describes each file,
/// finishes it, and tells the reporter it was reported to the authorities.
/// </summary>
/// <remarks>
/// Messages arrive at least once and the process may die anywhere. Each step is recorded on the case
/// (<see cref="SafetyCase.Ncmec"/>) before the next starts, so a rerun resumes after the last recorded step: a case
/// with a report id is never submitted again, a recorded upload is not repeated, and a finish NCMEC already has
/// (<c>5102</c>) counts as done. A failed attempt is recorded and rethrown; a refusal, or the
/// <see cref="NcmecOptions.MaxAttempts"/>th failure, flags the case for on-call, where an operator resumes or
/// retracts it.
/// </remarks>
public sealed class NcmecEscalationService
{
    /// <summary>The actor recorded by the queue function.</summary>
    public const string Actor = "ncmec-escalation";

    /// <summary>The timeline kind of the reporter-visible entry written when the report is finished.</summary>
    public const string ReportedKind = "reported-to-authorities";

    /// <summary>What the reporter reads on their timeline: that it was reported, nothing more.</summary>
    public const string ReportedNotice = "We reported this to the authorities.";

    /// <summary>The timeline kind of the internal entry written when the case is flagged for on-call.</summary>
    public const string FailedKind = "ncmec-escalation-failed";

    /// <summary>How often a run waiting for another run's lease reads the case.</summary>
    public static readonly TimeSpan LeasePollInterval = TimeSpan.FromMilliseconds(500);

    private readonly ICaseStore _cases;
    private readonly IContentVault _vault;
    private readonly EvidencePreservation _evidence;
    private readonly CyberTiplineReportBuilder _builder;
    private readonly ICyberTiplineClient _client;
    private readonly NcmecOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<NcmecEscalationService> _logger;

    /// <summary>Creates the service.</summary>
    public NcmecEscalationService(
        ICaseStore cases,
        IContentVault vault,
        EvidencePreservation evidence,
        CyberTiplineReportBuilder builder,
        ICyberTiplineClient client,
        IOptions<NcmecOptions> options,
        TimeProvider time,
        ILogger<NcmecEscalationService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cases = cases;
        _vault = vault;
        _evidence = evidence;
        _builder = builder;
        _client = client;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs or resumes the report of case <paramref name="caseId"/>.</summary>
    /// <remarks>
    /// While another run holds the case's lease this one waits, reading the case every <see cref="LeasePollInterval"/>,
    /// until that run ends (then there is usually nothing left to do) or its lease lapses (a run that died; this one
    /// takes over and resumes).
    /// </remarks>
    /// <exception cref="InvalidOperationException">The case does not exist.</exception>
    /// <exception cref="NcmecEscalationFailedException">The attempt failed; what happened is recorded on the case.</exception>
    /// <exception cref="NcmecEscalationBusyException">Another run kept the lease for longer than <see cref="NcmecOptions.LeaseDuration"/>.</exception>
    public async Task<NcmecEscalationOutcome> EscalateAsync(string caseId, string actor = Actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        var runId = Guid.NewGuid().ToString("N");
        var giveUpAt = _time.GetUtcNow() + _options.LeaseDuration;
        var waited = false;
        while (true)
        {
            var current = await _cases.GetAsync(caseId, cancellationToken) ?? throw new InvalidOperationException($"Case {caseId} does not exist.");
            if (current.Ncmec?.Step is NcmecStep.Finished or NcmecStep.Retracted)
            {
                Log.NothingToDo(_logger, caseId, current.Ncmec.Step.ToString());
                return current.Ncmec.Step == NcmecStep.Finished ? NcmecEscalationOutcome.AlreadyFinished : NcmecEscalationOutcome.Retracted;
            }

            var now = _time.GetUtcNow();
            if (IsHeldByAnother(current, runId, now))
            {
                if (now >= giveUpAt)
                {
                    throw new NcmecEscalationBusyException(caseId, current.Ncmec?.LeaseUntil);
                }

                if (!waited)
                {
                    Log.WaitingForLease(_logger, caseId);
                    waited = true;
                }

                // The wait is real time: the other run records its steps in real time, whatever clock this one reads.
                await Task.Delay(LeasePollInterval, cancellationToken);
                continue;
            }

            var claimed = await RecordAsync(caseId, c => IsHeldByAnother(c, runId, now) || c.Ncmec?.Step is NcmecStep.Finished or NcmecStep.Retracted
                ? c
                : c with { Ncmec = Progress(c) with { Attempts = Progress(c).Attempts + 1, LeaseOwner = runId, LeaseUntil = now + _options.LeaseDuration } }, cancellationToken);
            if (Progress(claimed).LeaseOwner == runId)
            {
                return await RunClaimedAsync(claimed, runId, actor, cancellationToken);
            }
        }
    }

    /// <summary>Withdraws the unfinished report of case <paramref name="caseId"/> (an operator's command).</summary>
    /// <exception cref="InvalidOperationException">The case does not exist.</exception>
    /// <remarks>A report an escalation run is working on now is left alone (<see cref="NcmecEscalationOutcome.InProgress"/>).</remarks>
    /// <exception cref="CyberTiplineException">NCMEC refused or could not be reached; nothing was recorded.</exception>
    public async Task<NcmecEscalationOutcome> RetractAsync(string caseId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        var current = await _cases.GetAsync(caseId, cancellationToken) ?? throw new InvalidOperationException($"Case {caseId} does not exist.");
        switch (current.Ncmec?.Step)
        {
            case NcmecStep.Finished:
                return NcmecEscalationOutcome.CannotRetractFinished;
            case NcmecStep.Retracted:
                return NcmecEscalationOutcome.Retracted;
        }

        if (IsHeldByAnother(current, runId: "", _time.GetUtcNow()))
        {
            return NcmecEscalationOutcome.InProgress;
        }

        if (current.Ncmec?.ReportId is { } reportId)
        {
            await _client.RetractAsync(ParseReportId(reportId), cancellationToken);
        }

        var saved = await RecordAsync(caseId, c => c.Ncmec?.Step == NcmecStep.Finished ? c : c.With(Internal("ncmec-retracted", actor, $"CyberTipline report {c.Ncmec?.ReportId ?? "(none)"} retracted")) with
        {
            Ncmec = Progress(c) with { Step = NcmecStep.Retracted, LeaseOwner = null, LeaseUntil = null },
        }, cancellationToken);
        Log.Retracted(_logger, caseId, current.Ncmec?.ReportId, actor);
        return saved.Ncmec?.Step == NcmecStep.Retracted ? NcmecEscalationOutcome.Retracted : NcmecEscalationOutcome.CannotRetractFinished;
    }

    private async Task<NcmecEscalationOutcome> RunClaimedAsync(SafetyCase current, string runId, string actor, CancellationToken cancellationToken)
    {
        var caseId = current.Id;
        try
        {
            return await RunStepsAsync(current, runId, actor, cancellationToken);
        }
        catch (Exception e) when (e is CyberTiplineException or EvidenceIntegrityException)
        {
            var transient = e is CyberTiplineException { IsTransient: true };
            var attempts = Progress(current).Attempts;
            var flag = !transient || attempts >= _options.MaxAttempts;
            // The failure ends this run: the lease goes with it, so a redelivery need not wait for it to lapse.
            var recorded = await RecordFencedAsync(caseId, runId, c => Released(Failed(c, e, flag)), cancellationToken);
            var step = Progress(recorded).Step;
            Log.EscalationFailed(_logger, e, caseId, attempts, step.ToString(), transient, flag);
            throw new NcmecEscalationFailedException(caseId, step, transient, flag, e);
        }
    }

    private async Task<NcmecEscalationOutcome> RunStepsAsync(SafetyCase current, string runId, string actor, CancellationToken cancellationToken)
    {
        var caseId = current.Id;
        // A file that joined the case after the evidence step is preserved too before it is sent.
        if (Progress(current).Step < NcmecStep.EvidencePreserved || current.Files.Any(f => f.Container != ContentContainers.Evidence))
        {
            var originals = current.Files;
            var preserved = await _evidence.PreserveAsync(current, actor, cancellationToken);
            current = await RecordStepAsync(caseId, runId, c => c.With(Internal("evidence-preserved", actor, $"{preserved.Count} file(s) and the case record copied to evidence with custody records")) with
            {
                Files = preserved,
                Ncmec = Progress(c) with { Step = Progress(c).Step < NcmecStep.EvidencePreserved ? NcmecStep.EvidencePreserved : Progress(c).Step },
            }, cancellationToken);
            await _evidence.ReleaseQuarantineAsync(originals, current, cancellationToken);
        }

        if (Progress(current).ReportId is null)
        {
            var report = await KeptDocumentAsync(caseId, EvidenceLayout.Report(caseId), () => CyberTiplineXml.WriteReport(_builder.Build(current)), actor, cancellationToken);
            var id = (await _client.SubmitAsync(report, cancellationToken)).ToString(CultureInfo.InvariantCulture);
            current = await RecordStepAsync(caseId, runId, c => c.With(Internal("ncmec-submitted", actor, $"CyberTipline report {id} opened")) with
            {
                Ncmec = Progress(c) with { Step = NcmecStep.Submitted, ReportId = id },
            }, cancellationToken);
        }

        var reportId = ParseReportId(Progress(current).ReportId!);
        var files = _builder.Build(current).Files;
        foreach (var (file, held) in files.Zip(current.Files))
        {
            current = await SendFileAsync(current, runId, reportId, file, held, actor, cancellationToken);
        }

        if (Progress(current).Step < NcmecStep.FilesSent)
        {
            current = await RecordStepAsync(caseId, runId, c => c with { Ncmec = Progress(c) with { Step = NcmecStep.FilesSent } }, cancellationToken);
        }

        var finish = await _client.FinishAsync(reportId, cancellationToken);
        await RecordStepAsync(caseId, runId, c => c.With(new CaseEvent(_time.GetUtcNow(), ReportedKind, ReportedNotice, actor, $"CyberTipline report {reportId} finished ({finish})")) with
        {
            Ncmec = Progress(c) with { Step = NcmecStep.Finished, LastError = null, LeaseOwner = null, LeaseUntil = null },
        }, cancellationToken);
        return NcmecEscalationOutcome.Finished;
    }

    private async Task<SafetyCase> SendFileAsync(SafetyCase current, string runId, long reportId, CyberTiplineFile file, CaseFile held, string actor, CancellationToken cancellationToken)
    {
        var caseId = current.Id;
        if (file.Length > _options.MaxFileBytes)
        {
            throw new EvidenceIntegrityException(caseId, held.BlobName, $"the file has {file.Length} bytes, more than the {_options.MaxFileBytes} allowed; send it by hand");
        }

        if (!Progress(current).UploadedFiles.TryGetValue(file.Sha256, out var fileId))
        {
            var location = new BlobLocation(held.Container, held.BlobName);
            var upload = await _client.UploadAsync(reportId, file.FileName, file.ContentType, async ct =>
                await _vault.OpenReadAsync(location, ct) ?? throw new EvidenceIntegrityException(caseId, location.ToString(), "the preserved file is gone"), cancellationToken);
            if (upload.Md5 is { } md5 && !string.Equals(md5, file.Md5, StringComparison.OrdinalIgnoreCase))
            {
                throw new CyberTiplineException("upload", "NCMEC's MD5 of the upload differs from the file's; it is uploaded again", isTransient: true, reportId);
            }

            var uploadedId = upload.FileId;
            current = await RecordStepAsync(caseId, runId, c => c with
            {
                Ncmec = Progress(c) with { UploadedFiles = new Dictionary<string, string>(Progress(c).UploadedFiles) { [file.Sha256] = uploadedId } },
            }, cancellationToken);
            fileId = uploadedId;
        }

        if (!Progress(current).FileInfoSent.Contains(file.Sha256))
        {
            var details = await KeptDocumentAsync(caseId, EvidenceLayout.FileDetails(caseId, file.Sha256), () => CyberTiplineXml.WriteFileDetails(reportId, fileId, file), actor, cancellationToken);
            await _client.SendFileDetailsAsync(details, cancellationToken);
            current = await RecordStepAsync(caseId, runId, c => c with
            {
                Ncmec = Progress(c) with { FileInfoSent = Progress(c).FileInfoSent.Contains(file.Sha256) ? Progress(c).FileInfoSent : [.. Progress(c).FileInfoSent, file.Sha256] },
            }, cancellationToken);
        }

        return current;
    }

    private async Task<XDocument> KeptDocumentAsync(string caseId, BlobLocation location, Func<XDocument> render, string actor, CancellationToken cancellationToken)
    {
        var rendered = Encoding.UTF8.GetBytes(CyberTiplineXml.ToText(render()));
        var kept = await _evidence.KeepDocumentAsync(caseId, location, rendered, actor, cancellationToken);
        using var stream = new MemoryStream(kept, writable: false);
        return XDocument.Load(stream);
    }

    private SafetyCase Failed(SafetyCase c, Exception e, bool flag)
    {
        var recorded = c with { Ncmec = Progress(c) with { LastError = e.Message } };
        return flag
            ? recorded.With(Internal(FailedKind, Actor, $"CyberTipline report failed after step {Progress(c).Step} ({Progress(c).Attempts} attempt(s)): {e.Message}. Resume or retract it: scripts/safety ncmec resume|retract {c.Id}")) with { NeedsOnCall = true }
            : recorded;
    }

    private async Task<SafetyCase> RecordStepAsync(string caseId, string runId, Func<SafetyCase, SafetyCase> change, CancellationToken cancellationToken)
    {
        var saved = await RecordFencedAsync(caseId, runId, c =>
        {
            var next = change(c);
            // Each step renews the lease, unless the step gave it up (the report is finished).
            return Progress(next).LeaseOwner == runId ? next with { Ncmec = Progress(next) with { LeaseUntil = _time.GetUtcNow() + _options.LeaseDuration } } : next;
        }, cancellationToken);
        Log.StepRecorded(_logger, caseId, Progress(saved).Step.ToString(), Progress(saved).ReportId);
        return saved;
    }

    /// <summary>Applies <paramref name="change"/> only while this run holds the lease; a run that lost it stops here.</summary>
    private async Task<SafetyCase> RecordFencedAsync(string caseId, string runId, Func<SafetyCase, SafetyCase> change, CancellationToken cancellationToken)
    {
        var held = false;
        var saved = await RecordAsync(caseId, c =>
        {
            held = Progress(c).LeaseOwner == runId;
            return held ? change(c) : c;
        }, cancellationToken);
        return held ? saved : throw new NcmecEscalationBusyException(caseId, Progress(saved).LeaseUntil);
    }

    private async Task<SafetyCase> RecordAsync(string caseId, Func<SafetyCase, SafetyCase> change, CancellationToken cancellationToken)
        => await _cases.UpdateAsync(caseId, change, cancellationToken) ?? throw new InvalidOperationException($"Case {caseId} vanished during its escalation.");

    private CaseEvent Internal(string kind, string actor, string detail) => new(_time.GetUtcNow(), kind, null, actor, detail);

    private static SafetyCase Released(SafetyCase c) => c with { Ncmec = Progress(c) with { LeaseOwner = null, LeaseUntil = null } };

    private static bool IsHeldByAnother(SafetyCase c, string runId, DateTimeOffset now)
        => c.Ncmec?.LeaseOwner is { } owner && owner != runId && c.Ncmec.LeaseUntil > now;

    private static NcmecReportProgress Progress(SafetyCase c) => c.Ncmec ?? new NcmecReportProgress();

    private static long ParseReportId(string reportId) => long.Parse(reportId, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
