using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Loyalty.Core.Programs;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>
/// Programs by tenant: a <c>current</c> row plus one immutable row per version, written together in one batch so the
/// history can never miss the version that is current.
/// </summary>
public sealed class TableProgramStore(LoyaltyTables tables) : IProgramStore
{
    private const string CurrentRow = "current";

    public async Task<LoyaltyProgram?> GetCurrentAsync(string tenantId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LoyaltyTables.Programs);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, CurrentRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? ToProgram(tenantId, e) : null;
    }

    public async Task<bool> SaveAsync(LoyaltyProgram program, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        var table = await tables.GetAsync(LoyaltyTables.Programs);
        TableTransactionAction current;
        if (expectedVersion == 0)
        {
            current = new TableTransactionAction(TableTransactionActionType.Add, ToEntity(program, CurrentRow));
        }
        else
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(program.TenantId, CurrentRow, cancellationToken: cancellationToken);
            if (!existing.HasValue || existing.Value is null || existing.Value.GetInt32("Version") != expectedVersion)
            {
                return false;
            }

            current = new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(program, CurrentRow), existing.Value.ETag);
        }

        var version = new TableTransactionAction(TableTransactionActionType.Add, ToEntity(program, VersionRow(program.Version)));
        try
        {
            await table.SubmitTransactionAsync([current, version], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private static string VersionRow(int version) => "v" + version.ToString("D8", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(LoyaltyProgram program, string rowKey) => new(program.TenantId, rowKey)
    {
        ["Version"] = program.Version,
        ["Rules"] = StorageJson.Serialize(program.Rules),
        ["UpdatedAt"] = program.UpdatedAt,
        ["UpdatedBy"] = program.UpdatedBy,
    };

    private static LoyaltyProgram ToProgram(string tenantId, TableEntity e) => new(
        tenantId,
        e.GetInt32("Version") ?? 0,
        StorageJson.Deserialize<ProgramRules>(e.GetString("Rules")),
        e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch,
        e.GetString("UpdatedBy"));
}
