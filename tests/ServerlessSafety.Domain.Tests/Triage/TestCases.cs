using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Tests.Triage;

public static class TestCases
{
    public static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public static SafetyCase Make(string category, TimeSpan left, bool minor = false, string? account = "offender-1", params BankMatchRecord[] matches) => new()
    {
        Id = $"case-{Guid.NewGuid():N}",
        Category = category,
        Origin = CaseOrigin.Report,
        OpenedAt = Now - TimeSpan.FromHours(1),
        DueBy = Now + left,
        Subject = new ReportedSubject("https://example.org/p/1", null, account, null),
        Justification = "They are threatening me",
        InvolvesMinor = minor,
        Matches = matches,
    };

    public static BankMatchRecord Match(bool verified, string bank = "ncmec", int distance = 0)
        => new("upload-1", "pdq", new string('a', 64), bank, distance, verified, null);
}
