using Loyalty.Core.Members;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Redrive;
using Loyalty.Functions.Http;
using Loyalty.Functions.Members;
using Loyalty.Functions.Redemptions;
using Loyalty.Functions.Redrive;
using Loyalty.Functions.Tenants;
using Loyalty.Infrastructure;
using Loyalty.Infrastructure.Security;
using Loyalty.Infrastructure.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Loyalty.Functions;

/// <summary>The composition root: the Functions host and the dev host both call <see cref="AddLoyaltyFunctions"/>.</summary>
public static class FunctionServices
{
    public static IServiceCollection AddLoyaltyFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services
            .AddLoyaltyInfrastructure(configuration)
            .AddUseCaseSettings(configuration)
            .AddEarningUseCases()
            .AddWebhookUseCases()
            .AddSpendingUseCases()
            .AddGiftUseCases()
            .AddExpiryUseCases()
            .AddHttpEndpoints();
    }

    /// <summary>The settings use cases and functions read: the phone-hash key, the bootstrap secret, the shipping deadline, the re-drive of queued work.</summary>
    public static IServiceCollection AddUseCaseSettings(this IServiceCollection services, IConfiguration configuration)
    {
        const string phoneHashKey = $"{SecurityOptions.Section}__{nameof(SecurityOptions.PhoneHashKey)}";
        const string fieldKeys = $"{SecurityOptions.Section}__{nameof(SecurityOptions.FieldKeys)}";
        services.BindSettings<SecurityOptions>(configuration, SecurityOptions.Section)
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.PhoneHashKey),
                $"'{phoneHashKey}' is not set. In Azure it is the Key Vault secret Security--PhoneHashKey that azd provisions; ./run.sh keeps a generated one in .devhost/; under func start put one in local.settings.json (openssl rand -base64 32). Never change it once members are registered.")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.PhoneHashKey) || o.PhoneHashKeyBytes() is not null,
                $"'{phoneHashKey}' must be base64 of at least {SecurityOptions.MinPhoneHashKeyBytes} random bytes.")
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.FieldKeys),
                $"'{fieldKeys}' is not set. In Azure it is the Key Vault secret Security--FieldKeys that azd provisions; ./run.sh keeps a generated one in .devhost/; under func start put one in local.settings.json (k1:<openssl rand -base64 32>).")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.FieldKeys) || FieldKeyRing.Parse(o.FieldKeys, out _) is not null,
                $"'{fieldKeys}' must be 'id:base64' entries separated by ';' (ids of 1-32 letters, digits or '-', each key {FieldKeyRing.KeyBytes} random bytes, no id twice); the first one encrypts.")
            .ValidateOnStart();
        services.AddSingleton(sp => new PhoneHashKey(sp.GetRequiredService<IOptions<SecurityOptions>>().Value.PhoneHashKeyBytes()!));
        services.AddSingleton(sp => new FieldCipher(FieldKeyRing.Parse(sp.GetRequiredService<IOptions<SecurityOptions>>().Value.FieldKeys, out _)!));

        services.BindSettings<BootstrapOptions>(configuration, BootstrapOptions.Section)
            .Validate(
                o => !o.IsEnabled || o.Secret!.Length >= BootstrapOptions.MinSecretLength,
                $"'{BootstrapOptions.Section}__Secret' must be at least {BootstrapOptions.MinSecretLength} characters; leave it unset to turn POST /api/v1/admin/tenants off.")
            .ValidateOnStart();

        services.BindSettings<RedemptionOptions>(configuration, RedemptionOptions.Section)
            .Validate(
                o => o.ShippingDeadline > TimeSpan.Zero && o.ShippingDeadline <= RedemptionOptions.MaxShippingDeadline,
                $"'{RedemptionOptions.Section}__ShippingDeadline' must be a positive time span of at most {RedemptionOptions.MaxShippingDeadline.TotalDays:0} days, e.g. 14.00:00:00.")
            .ValidateOnStart();
        services.AddSingleton(sp => new RedemptionSettings(sp.GetRequiredService<IOptions<RedemptionOptions>>().Value.ShippingDeadline));

        services.BindSettings<RedriveOptions>(configuration, RedriveOptions.Section)
            .Validate(
                o => o.After >= RedriveOptions.MinAfter && o.After <= RedriveOptions.MaxAfter,
                $"'{RedriveOptions.Section}__After' must be a time span from {RedriveOptions.MinAfter:c} to {RedriveOptions.MaxAfter:c}, e.g. 00:05:00.")
            .Validate(
                o => o.MaxRedrives is >= 1 and <= RedriveOptions.MaxMaxRedrives,
                $"'{RedriveOptions.Section}__MaxRedrives' must be 1 to {RedriveOptions.MaxMaxRedrives}.")
            .Validate(
                o => o.MaxPerRun is >= 1 and <= RedriveOptions.MaxMaxPerRun,
                $"'{RedriveOptions.Section}__MaxPerRun' must be 1 to {RedriveOptions.MaxMaxPerRun}.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RedriveOptions>>().Value.ToSettings());
        return services;
    }

    /// <summary>What every HTTP function runs through: API-key authentication and the endpoint wrapper.</summary>
    public static IServiceCollection AddHttpEndpoints(this IServiceCollection services)
    {
        services.AddSingleton<ApiAuthenticator>();
        services.AddSingleton<ApiEndpoint>();
        return services;
    }
}
