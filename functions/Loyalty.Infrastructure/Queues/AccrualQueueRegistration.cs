using Loyalty.Core.Purchases;
using Loyalty.Infrastructure.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Infrastructure.Queues;

public static class AccrualQueueRegistration
{
    /// <summary>The accrual queue (<c>AccrualQueueName</c>) that purchases and refunds are sent to.</summary>
    public static IServiceCollection AddAccrualQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.BindSettings<AccrualQueueOptions>(configuration, section: string.Empty)
            .Validate(
                o => o.HasValidName,
                $"'{AccrualQueueOptions.Setting}' must be 3-{AccrualQueueOptions.MaxNameLength} lowercase letters, digits and single hyphens, starting and ending with a letter or digit.")
            .ValidateOnStart();
        services.AddSingleton<IAccrualQueue, StorageAccrualQueue>();
        return services;
    }
}
