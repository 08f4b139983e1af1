namespace ServerlessSafety.Domain.Policy;

/// <summary>How triage scores and routes cases.</summary>
/// <param name="VerifiedBankSkipsReview">
/// Whether a case that matched a verified bank (for example NCMEC's hash list) goes straight to the CyberTipline
/// escalation, before a person looks at it.
/// </param>
/// <param name="Weights">The points each factor adds to the priority.</param>
public sealed record TriagePolicy(bool VerifiedBankSkipsReview, TriageWeights Weights);
