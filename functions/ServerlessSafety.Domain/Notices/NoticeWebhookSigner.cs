namespace ServerlessSafety.Domain.Notices;

/// <summary>The secret reporters' webhook notices are signed with, kept apart from the enforcement-event secret so each has one use.</summary>
/// <param name="Secret">The shared secret (at least 32 characters).</param>
public sealed record NoticeWebhookSigner(string Secret);
