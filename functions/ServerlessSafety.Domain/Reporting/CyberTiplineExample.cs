using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// A made-up case with two files and a reported account, and a made-up reporter, for <c>scripts/safety ncmec render
/// --example</c> and the schema tests. Nothing in it is real: the hashes are made up and the addresses are from
/// documentation ranges.
/// </summary>
public static class CyberTiplineExample
{
    /// <summary>The example reporter, used where the configuration names none.</summary>
    public static NcmecOptions Options() => new()
    {
        ReporterOrganization = "Example Platform, Inc.",
        EspServiceName = "Example Photos",
        ContactFirstName = "Alex",
        ContactLastName = "Rivera",
        ContactEmail = "trust-safety@example.com",
        ContactPhone = "+1 555 0100",
        LegalUrl = new Uri("https://example.com/legal/law-enforcement"),
        KeepIpAddresses = true,
    };

    /// <summary>The example case.</summary>
    public static SafetyCase Case()
    {
        var opened = new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
        return new SafetyCase
        {
            Id = "case-example-0001",
            Category = "csam",
            Origin = CaseOrigin.UploadMatch,
            OpenedAt = opened,
            DueBy = opened.AddHours(48),
            InvolvesMinor = true,
            Subject = new ReportedSubject("https://photos.example.com/p/8f14e45f", "upload-8f14e45f", "user-4821", null),
            Files =
            [
                new CaseFile(ContentContainers.Quarantine, "upload-8f14e45f", "image/jpeg", 9,
                    "b7c5a9c3a3b9e0a3f1a2c4b1e1d3e3f1d0b3a1c2e4f5a6b7c8d9e0f1a2b3c4d5", "5d41402abc4b2a76b9719d911017c592", ViewedByPerson: false),
                new CaseFile(ContentContainers.Quarantine, "upload-8f14e45f-2", "video/mp4", 9,
                    "c3a1b2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", "7d793037a0760186574b0282f2f435e7", ViewedByPerson: true),
            ],
            Matches = [new BankMatchRecord("upload-8f14e45f", "md5", "5d41402abc4b2a76b9719d911017c592", "ncmec", 0, BankIsVerified: true, SourceCaseId: null)],
            NcmecDetails = new NcmecCaseDetails(
                new ReportedAccountDetails(
                    DisplayName: "Sunny Days",
                    ScreenName: "sunny_days_99",
                    ProfileUrl: "https://photos.example.com/u/user-4821",
                    IpCaptures:
                    [
                        new IpCapture("203.0.113.24", IpCaptureEvent.Upload, opened.AddMinutes(-1)),
                        new IpCapture("2001:db8::24", IpCaptureEvent.Login, opened.AddHours(-3)),
                    ])),
        };
    }
}
