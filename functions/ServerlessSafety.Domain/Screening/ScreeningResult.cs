namespace ServerlessSafety.Domain.Screening;

/// <summary>The verdict on one upload; every upload ends with exactly one, recorded in <c>screenings</c>.</summary>
public enum ScreeningResult
{
    /// <summary>Hashed and matched nothing (or only matches a suppression bank cancelled): the upload stays public.</summary>
    Clean,

    /// <summary>Matched a bank: moved to quarantine and a case opened.</summary>
    Blocked,

    /// <summary>Could not be hashed (not an image, corrupt, too large); handled by <see cref="ScreeningOptions.Unhashable"/>.</summary>
    Unhashable,
}
