using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Banks.Import;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Domain.Screening;
using ServerlessSafety.Signals.Hashing;

namespace ServerlessSafety.Domain.DependencyInjection;

/// <summary>Registers the hash bank, its import, the matcher and upload screening.</summary>
public static class ScreeningRegistration
{
    /// <summary>
    /// Adds the <c>HashMatching</c> and <c>Screening</c> options (validated at start), the bank catalog, the
    /// list importer, the reported-content bank, the PDQ index with its refresh loop, the matcher and
    /// <see cref="UploadScreening"/>. Needs the stores (<see cref="IBankStore"/>, <see cref="IBankChangeFeed"/>,
    /// <see cref="IScreeningStore"/>, <see cref="IBankSnapshotStore"/>, the case store, vault and queue) and the
    /// safety policy. Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddUploadScreening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HashMatchingOptions>()
            .Bind(configuration.GetSection(HashMatchingOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(BanksAreValid, "HashMatching:Banks is invalid: names must be unique lower-case words, thresholds 0..Radius, quality floors 0..100.")
            .ValidateOnStart();
        services.AddOptions<ScreeningOptions>()
            .Bind(configuration.GetSection(ScreeningOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BankCatalog>();
        services.TryAddSingleton<HashListImporter>();
        services.TryAddSingleton<IReportedContentBank, ReportedContentBank>();
        services.TryAddSingleton(sp => new UploadHasher(new PdqHasherOptions
        {
            MaxContentBytes = sp.GetRequiredService<IOptions<ScreeningOptions>>().Value.MaxUploadBytes,
        }));
        services.TryAddSingleton<PdqBankIndex>();
        services.TryAddSingleton<PdqBankIndexRefreshLoop>();
        services.TryAddSingleton<BankMatcher>();
        services.TryAddSingleton<UploadScreening>();
        return services;
    }

    private static bool BanksAreValid(HashMatchingOptions options)
    {
        foreach (var bank in options.Banks)
        {
            var context = new System.ComponentModel.DataAnnotations.ValidationContext(bank);
            if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(bank, context, null, validateAllProperties: true))
            {
                return false;
            }
        }

        try
        {
            _ = new BankCatalog(Options.Create(options));
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
