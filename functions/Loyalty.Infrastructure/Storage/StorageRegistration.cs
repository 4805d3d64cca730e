using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Loyalty.Infrastructure.Identity;
using Loyalty.Infrastructure.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Loyalty.Infrastructure.Storage;

public static class StorageRegistration
{
    private const string Section = StorageOptions.Section;

    /// <summary>The Table and Queue service clients (from <c>LoyaltyStorage</c>) and the app's tables (<c>Storage__TablePrefix</c>).</summary>
    public static IServiceCollection AddStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.BindSettings<StorageOptions>(configuration, Section)
            .Configure(options => options.ConnectionString = ConnectionString(configuration, Section))
            .Validate(
                o => o.ConnectionString is not null || o.TableServiceUri is not null,
                $"'{Section}__tableServiceUri' is not set: set it and '{Section}__queueServiceUri' to use a managed identity, or set '{Section}' to a connection string.")
            .Validate(
                o => o.ConnectionString is not null || o.QueueServiceUri is not null,
                $"'{Section}__queueServiceUri' is not set: set it and '{Section}__tableServiceUri' to use a managed identity, or set '{Section}' to a connection string.")
            .Validate(o => IsServiceUri(o.TableServiceUri), $"'{Section}__tableServiceUri' must be an absolute https URI such as https://account.table.core.windows.net/.")
            .Validate(o => IsServiceUri(o.QueueServiceUri), $"'{Section}__queueServiceUri' must be an absolute https URI such as https://account.queue.core.windows.net/.")
            .ValidateOnStart();
        services.BindSettings<TableStorageOptions>(configuration, TableStorageOptions.Section)
            .Validate(
                o => o.HasValidTablePrefix,
                $"'{TableStorageOptions.Section}__TablePrefix' must be empty or ASCII letters and digits starting with a letter, at most {TableStorageOptions.MaxTablePrefixLength} characters.")
            .ValidateOnStart();

        // One credential for both clients, so they share its token cache.
        services.AddKeyedSingleton<TokenCredential>(Section, (sp, _) => Credential(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => TableService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp));
        services.AddSingleton(sp => QueueService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp));
        services.AddSingleton<LoyaltyTables>();
        return services;
    }

    /// <summary>A connection's connection string as the Functions host finds it: the setting itself, or under ConnectionStrings.</summary>
    internal static string? ConnectionString(IConfiguration configuration, string connection)
    {
        var value = configuration.GetSection(connection).Value ?? configuration.GetConnectionString(connection);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static bool IsServiceUri(Uri? uri) => uri is null || (uri.IsAbsoluteUri && uri.Scheme is "https" or "http");

    private static TableServiceClient TableService(StorageOptions options, IServiceProvider services) => options.ConnectionString is { } connectionString
        ? new TableServiceClient(connectionString)
        : new TableServiceClient(options.TableServiceUri, services.GetRequiredKeyedService<TokenCredential>(Section));

    private static QueueServiceClient QueueService(StorageOptions options, IServiceProvider services)
    {
        // Base64: what the Functions queue trigger reads by default.
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return options.ConnectionString is { } connectionString
            ? new QueueServiceClient(connectionString, clientOptions)
            : new QueueServiceClient(options.QueueServiceUri, services.GetRequiredKeyedService<TokenCredential>(Section), clientOptions);
    }

    private static TokenCredential Credential(StorageOptions options) => ConnectionCredential.Create(options.ClientId, options.Credential);
}
