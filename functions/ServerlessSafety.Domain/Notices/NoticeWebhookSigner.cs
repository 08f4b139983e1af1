using ServerlessSafety.Domain.Webhooks;

namespace ServerlessSafety.Domain.Notices;

/// <summary>The signer of reporters' webhook notices, kept apart from the enforcement-event signer so each secret has one use.</summary>
/// <param name="Signature">The signer.</param>
public sealed record NoticeWebhookSigner(WebhookSignature Signature);
