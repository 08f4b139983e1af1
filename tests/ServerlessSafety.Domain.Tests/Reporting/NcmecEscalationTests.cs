using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Evidence;
using ServerlessSafety.Domain.Reporting;
using ServerlessSafety.LocalCyberTipline;

namespace ServerlessSafety.Domain.Tests.Reporting;

/// <summary>The escalation flow against the local CyberTipline over real HTTP.</summary>
public sealed class NcmecEscalationTests : IAsyncLifetime
{
    private EscalationHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EscalationHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [SkippableFact]
    public async Task Escalate_NewCase_FilesOneFinishedReportWithEveryFile()
    {
        SharedSchema.Require();
        await _harness.SeedCaseAsync("case-a", files: 3);

        var outcome = await _harness.Service().EscalateAsync("case-a");

        Assert.Equal(NcmecEscalationOutcome.Finished, outcome);
        var report = Assert.Single(_harness.Server.FinishedReportsOf("case-a"));
        Assert.Equal(3, report.Files.Count);
        Assert.Equal(3, report.FileDetails.Count);
        Assert.Empty(_harness.Server.SchemaProblems);
        var saved = await _harness.CaseAsync("case-a");
        Assert.Equal(NcmecStep.Finished, saved.Ncmec!.Step);
        Assert.Equal(report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), saved.Ncmec.ReportId);
        Assert.False(saved.NeedsOnCall);
    }

    [Fact]
    public async Task Escalate_UploadedBytes_AreTheCaseFilesAndNcmecMd5Matches()
    {
        var seeded = await _harness.SeedCaseAsync("case-b", files: 2);

        await _harness.Service().EscalateAsync("case-b");

        var report = Assert.Single(_harness.Server.FinishedReportsOf("case-b"));
        var uploadedMd5s = report.Files.Values.Select(f => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(f.Bytes))).Order();
        Assert.Equal(seeded.Files.Select(f => f.Md5).Order(), uploadedMd5s);
    }

    [Fact]
    public async Task Escalate_ReporterTimeline_SaysReportedWithoutDetails()
    {
        await _harness.SeedCaseAsync("case-c");

        await _harness.Service().EscalateAsync("case-c");

        var visible = (await _harness.CaseAsync("case-c")).Timeline.Where(e => e.IsVisibleToReporter).ToList();
        var entry = Assert.Single(visible);
        Assert.Equal(NcmecEscalationService.ReportedKind, entry.Kind);
        Assert.Equal(NcmecEscalationService.ReportedNotice, entry.Notice);
        Assert.DoesNotContain(_harness.Server.Reports.Keys.Single().ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalate_BeforeSubmit_EvidenceIsPreservedHashedAndRecorded()
    {
        var seeded = await _harness.SeedCaseAsync("case-d", files: 2);
        var seenAtSubmit = new List<string>();
        _harness.Server.OnSubmit = () =>
        {
            // What the first submit found is what counts; a loaded machine may time it out and retry it.
            if (seenAtSubmit.Count > 0)
            {
                return;
            }

            foreach (var file in seeded.Files)
            {
                var evidence = EvidenceLayout.File("case-d", file.Sha256);
                if (_harness.Vault.Blobs.ContainsKey(evidence.ToString()) && _harness.Vault.Blobs.ContainsKey(EvidenceLayout.Custody(evidence).ToString()))
                {
                    seenAtSubmit.Add(file.Sha256);
                }
            }

            if (_harness.Vault.Blobs.ContainsKey(EvidenceLayout.CaseRecord("case-d").ToString()) && _harness.Vault.Blobs.ContainsKey(EvidenceLayout.Report("case-d").ToString()))
            {
                seenAtSubmit.Add("case-record-and-report");
            }
        };

        await _harness.Service().EscalateAsync("case-d");

        Assert.Equal(seeded.Files.Select(f => f.Sha256).Append("case-record-and-report"), seenAtSubmit);
        var saved = await _harness.CaseAsync("case-d");
        Assert.All(saved.Files, f => Assert.Equal(ContentContainers.Evidence, f.Container));
        Assert.DoesNotContain(_harness.Vault.Blobs.Keys, k => k.StartsWith(ContentContainers.Quarantine + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalate_KeptReportDocument_IsExactlyWhatNcmecReceived()
    {
        await _harness.SeedCaseAsync("case-e");

        await _harness.Service().EscalateAsync("case-e");

        var kept = System.Text.Encoding.UTF8.GetString(_harness.Vault.Blobs[EvidenceLayout.Report("case-e").ToString()].Bytes);
        Assert.Equal(kept, _harness.Server.Reports.Values.Single().Xml);
    }

    [Fact]
    public async Task Escalate_DuplicateMessage_FilesNothingNew()
    {
        await _harness.SeedCaseAsync("case-f");
        await _harness.Service().EscalateAsync("case-f");
        var calls = _harness.Server.Calls.Count;

        var outcome = await _harness.Service().EscalateAsync("case-f");

        Assert.Equal(NcmecEscalationOutcome.AlreadyFinished, outcome);
        Assert.Equal(calls, _harness.Server.Calls.Count);
        Assert.Single(_harness.Server.Reports);
    }

    /// <summary>Triage and a moderator's decision can queue two messages for one case; they must not file two reports.</summary>
    [Fact]
    public async Task Escalate_ConcurrentDeliveries_EndWithOneReport()
    {
        await _harness.SeedCaseAsync("case-g");
        _harness.Server.Fail("upload", CyberTiplineFailure.Slow);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => _harness.Service().EscalateAsync("case-g"))));

        Assert.Equal(1, outcomes.Count(o => o == NcmecEscalationOutcome.Finished));
        Assert.Equal(2, outcomes.Count(o => o == NcmecEscalationOutcome.AlreadyFinished));
        Assert.Equal(1, _harness.Server.Count("submit"));
        Assert.Single(_harness.Server.FinishedReportsOf("case-g"));
    }

    [Fact]
    public async Task Escalate_LeaseOfADeadRun_IsTakenOverOnceItLapses()
    {
        await _harness.SeedCaseAsync("case-dead");
        await Assert.ThrowsAsync<SimulatedCrashException>(() => _harness.Service(new CrashingCaseStore(_harness.Cases, 2)).EscalateAsync("case-dead"));
        var leased = (await _harness.CaseAsync("case-dead")).Ncmec!;
        Assert.NotNull(leased.LeaseOwner);
        Assert.Equal(NcmecEscalationOutcome.InProgress, await _harness.Service().RetractAsync("case-dead", "operator-1"));

        _harness.Time.Advance(_harness.Options.LeaseDuration);
        var outcome = await _harness.Service().EscalateAsync("case-dead");

        Assert.Equal(NcmecEscalationOutcome.Finished, outcome);
        Assert.Null((await _harness.CaseAsync("case-dead")).Ncmec!.LeaseOwner);
        Assert.Single(_harness.Server.FinishedReportsOf("case-dead"));
    }

    [Fact]
    public async Task Escalate_LeaseHeldLongerThanItsDuration_GivesUpBusyWithoutSending()
    {
        await _harness.SeedCaseAsync("case-held");
        await _harness.Cases.UpdateAsync("case-held", c => c with { Ncmec = new NcmecReportProgress { LeaseOwner = "other-run", LeaseUntil = EscalationHarness.Now.AddDays(1) } });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var waiting = _harness.Service().EscalateAsync("case-held", cancellationToken: cancel.Token);
        await Task.Delay(NcmecEscalationService.LeasePollInterval * 2);
        _harness.Time.Advance(_harness.Options.LeaseDuration);

        await Assert.ThrowsAsync<NcmecEscalationBusyException>(() => waiting);
        Assert.Empty(_harness.Server.Calls);
    }

    // Updates of a run: claim, evidence preserved, submitted (the third), ...
    private const int SubmitRecordUpdate = 2;

    /// <summary>
    /// The process dies after each recorded update in turn; a redelivery resumes. Every run ends with exactly one
    /// finished report at NCMEC for the case and no second submit.
    /// </summary>
    [Fact]
    public async Task Escalate_CrashAfterEachRecordedStep_ResumesToExactlyOneReport()
    {
        // One clean run counts the updates a full escalation makes.
        await _harness.SeedCaseAsync("case-count", files: 2);
        var counting = new CrashingCaseStore(_harness.Cases, int.MaxValue);
        await _harness.Service(counting).EscalateAsync("case-count");
        var updates = counting.Updates;
        Assert.True(updates >= 7, $"a full run made only {updates} updates");

        for (var crashAfter = 0; crashAfter < updates; crashAfter++)
        {
            var caseId = $"case-crash-{crashAfter}";
            await _harness.SeedCaseAsync(caseId, files: 2);
            await Assert.ThrowsAsync<SimulatedCrashException>(() => _harness.Service(new CrashingCaseStore(_harness.Cases, crashAfter)).EscalateAsync(caseId));
            // The redelivery comes once the dead run's message lock expires; by then its lease has lapsed too.
            _harness.Time.Advance(_harness.Options.LeaseDuration);

            var outcome = await _harness.Service().EscalateAsync(caseId);

            Assert.Equal(NcmecEscalationOutcome.Finished, outcome);
            var report = Assert.Single(_harness.Server.FinishedReportsOf(caseId));
            Assert.Equal(2, report.FileDetails.Count);
            // A death between NCMEC's answer to submit and its record leaves one unfinished report there, which NCMEC
            // discards; it is never finished, and no other crash point submits twice.
            var unfinished = _harness.Server.Reports.Values.Where(r => r.CaseId == caseId && !r.Finished).ToList();
            Assert.True(unfinished.Count <= 1, $"crash after update {crashAfter}: {unfinished.Count} unfinished reports");
            Assert.True(unfinished.Count == 0 || crashAfter == SubmitRecordUpdate, $"crash after update {crashAfter} submitted twice");
        }
    }

    [Theory]
    [InlineData("submit", CyberTiplineFailure.ServerError)]
    [InlineData("submit", CyberTiplineFailure.DropBefore)]
    [InlineData("submit", CyberTiplineFailure.Slow)]
    [InlineData("upload", CyberTiplineFailure.ServerError)]
    [InlineData("upload", CyberTiplineFailure.Throttle)]
    [InlineData("upload", CyberTiplineFailure.DropAfter)]
    [InlineData("fileinfo", CyberTiplineFailure.ServerError)]
    [InlineData("fileinfo", CyberTiplineFailure.DropAfter)]
    [InlineData("finish", CyberTiplineFailure.ServerError)]
    [InlineData("finish", CyberTiplineFailure.DropAfter)]
    [InlineData("finish", CyberTiplineFailure.Slow)]
    public async Task Escalate_TransientFailureAtAStep_IsRetriedWithinTheCall(string operation, CyberTiplineFailure failure)
    {
        await _harness.SeedCaseAsync("case-h");
        _harness.Server.Fail(operation, failure);

        var outcome = await _harness.Service().EscalateAsync("case-h");

        Assert.Equal(NcmecEscalationOutcome.Finished, outcome);
        Assert.Single(_harness.Server.FinishedReportsOf("case-h"));
        Assert.True(_harness.Server.Count(operation) >= 2);
    }

    [Theory]
    [InlineData("submit", NcmecStep.EvidencePreserved)]
    [InlineData("upload", NcmecStep.Submitted)]
    [InlineData("fileinfo", NcmecStep.Submitted)]
    [InlineData("finish", NcmecStep.FilesSent)]
    public async Task Escalate_StepKeepsFailing_RecordsAttemptsThenFlagsOnCall(string operation, NcmecStep lastStep)
    {
        await _harness.SeedCaseAsync("case-i", files: 1);
        _harness.Server.Fail(operation, CyberTiplineFailure.ServerError, times: 1000);
        var service = _harness.Service();

        for (var attempt = 1; attempt <= _harness.Options.MaxAttempts; attempt++)
        {
            var failed = await Assert.ThrowsAsync<NcmecEscalationFailedException>(() => service.EscalateAsync("case-i"));
            Assert.True(failed.IsTransient);
            Assert.Equal(lastStep, failed.LastStep);
            Assert.Equal(attempt == _harness.Options.MaxAttempts, failed.FlaggedForOnCall);
            Assert.Equal(attempt == _harness.Options.MaxAttempts, (await _harness.CaseAsync("case-i")).NeedsOnCall);
        }

        var saved = await _harness.CaseAsync("case-i");
        Assert.Equal(_harness.Options.MaxAttempts, saved.Ncmec!.Attempts);
        Assert.Contains(saved.Timeline, e => e.Kind == NcmecEscalationService.FailedKind && !e.IsVisibleToReporter);
        Assert.Equal(_harness.Options.MaxAttempts * (_harness.Options.HttpRetries + 1), _harness.Server.Count(operation));
        Assert.Empty(_harness.Server.FinishedReportsOf("case-i"));
        Assert.True(_harness.Server.Reports.Values.Count(r => r.CaseId == "case-i") <= 1);
    }

    [Fact]
    public async Task Escalate_Refusal_FlagsOnCallAtOnceWithoutRetrying()
    {
        await _harness.SeedCaseAsync("case-j");
        _harness.Server.Fail("submit", CyberTiplineFailure.Refuse);

        var failed = await Assert.ThrowsAsync<NcmecEscalationFailedException>(() => _harness.Service().EscalateAsync("case-j"));

        Assert.False(failed.IsTransient);
        Assert.True(failed.FlaggedForOnCall);
        Assert.Equal(1, _harness.Server.Count("submit"));
        Assert.True((await _harness.CaseAsync("case-j")).NeedsOnCall);
    }

    [Fact]
    public async Task Resume_AfterFailuresStop_FinishesTheOneReport()
    {
        await _harness.SeedCaseAsync("case-k");
        _harness.Server.Fail("finish", CyberTiplineFailure.ServerError, times: _harness.Options.HttpRetries + 1);
        await Assert.ThrowsAsync<NcmecEscalationFailedException>(() => _harness.Service().EscalateAsync("case-k"));

        var outcome = await _harness.Service().EscalateAsync("case-k", "operator-1");

        Assert.Equal(NcmecEscalationOutcome.Finished, outcome);
        Assert.Single(_harness.Server.FinishedReportsOf("case-k"));
        Assert.Equal(1, _harness.Server.Count("submit"));
        Assert.Null((await _harness.CaseAsync("case-k")).Ncmec!.LastError);
    }

    [Fact]
    public async Task Finish_AnswerLost_RetryAnswered5102CountsAsFinished()
    {
        await _harness.SeedCaseAsync("case-l");
        _harness.Server.Fail("finish", CyberTiplineFailure.DropAfter);

        var outcome = await _harness.Service().EscalateAsync("case-l");

        Assert.Equal(NcmecEscalationOutcome.Finished, outcome);
        Assert.Equal(["finish:DropAfter", "finish:ok"], _harness.Server.Calls.Where(c => c.StartsWith("finish:", StringComparison.Ordinal)));
        Assert.Single(_harness.Server.FinishedReportsOf("case-l"));
        Assert.Contains("AlreadyFinished", (await _harness.CaseAsync("case-l")).Timeline.Last().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retract_UnfinishedReport_WithdrawsItAndStopsFurtherSends()
    {
        await _harness.SeedCaseAsync("case-m");
        _harness.Server.Fail("finish", CyberTiplineFailure.Refuse);
        await Assert.ThrowsAsync<NcmecEscalationFailedException>(() => _harness.Service().EscalateAsync("case-m"));

        var outcome = await _harness.Service().RetractAsync("case-m", "operator-1");
        var again = await _harness.Service().EscalateAsync("case-m");

        Assert.Equal(NcmecEscalationOutcome.Retracted, outcome);
        Assert.Equal(NcmecEscalationOutcome.Retracted, again);
        Assert.True(_harness.Server.Reports.Values.Single().Retracted);
        Assert.Equal(NcmecStep.Retracted, (await _harness.CaseAsync("case-m")).Ncmec!.Step);
        Assert.Equal(0, _harness.Server.Count("finish") - 1);
    }

    [Fact]
    public async Task Retract_FinishedReport_IsRefusedAndChangesNothing()
    {
        await _harness.SeedCaseAsync("case-n");
        await _harness.Service().EscalateAsync("case-n");

        var outcome = await _harness.Service().RetractAsync("case-n", "operator-1");

        Assert.Equal(NcmecEscalationOutcome.CannotRetractFinished, outcome);
        Assert.Equal(0, _harness.Server.Count("retract"));
        Assert.Equal(NcmecStep.Finished, (await _harness.CaseAsync("case-n")).Ncmec!.Step);
    }

    [Fact]
    public async Task Escalate_TamperedQuarantineFile_FailsBeforeSubmitAndFlagsOnCall()
    {
        var seeded = await _harness.SeedCaseAsync("case-o", files: 1);
        var file = seeded.Files[0];
        await _harness.Vault.WriteAsync(new BlobLocation(file.Container, file.BlobName), new MemoryStream([1, 2, 3]), "image/jpeg", overwrite: true);

        var failed = await Assert.ThrowsAsync<NcmecEscalationFailedException>(() => _harness.Service().EscalateAsync("case-o"));

        Assert.IsType<EvidenceIntegrityException>(failed.InnerException);
        Assert.True(failed.FlaggedForOnCall);
        Assert.Equal(0, _harness.Server.Count("submit"));
    }

    [Fact]
    public async Task Escalate_UnknownCase_Throws()
        => await Assert.ThrowsAsync<InvalidOperationException>(() => _harness.Service().EscalateAsync("no-such-case"));
}
